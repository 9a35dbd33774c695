namespace Jichitai.Care.Income;

/// <summary>Collects the errors of one file: all are counted, the first <see cref="Kept"/> are kept (a wrong million-row file stays small).</summary>
internal sealed class ImportErrors
{
    public const int Kept = 10_000;
    private readonly List<CareImportError> list = [];

    public int Count { get; private set; }
    public IReadOnlyList<CareImportError> List => list;

    public void Add(long line, string column, string reason)
    {
        Count++;
        if (list.Count < Kept) list.Add(new(line, column, reason));
    }
}
