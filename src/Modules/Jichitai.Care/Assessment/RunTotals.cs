namespace Jichitai.Care.Assessment;

/// <summary>One line of a run summary: persons and premium of a stage.</summary>
public sealed record StageTotal(int Stage, int Persons, long Premium);

/// <summary>The run summary (被保険者数と保険料額 per stage), accumulated chunk by chunk with the resume point.</summary>
public sealed class RunTotals
{
    public SortedDictionary<int, StageTotal> Stages { get; init; } = [];

    public void Add(int stage, long premium)
    {
        var t = Stages.TryGetValue(stage, out var s) ? s : new StageTotal(stage, 0, 0);
        Stages[stage] = t with { Persons = t.Persons + 1, Premium = t.Premium + premium };
    }

    public int Persons => Stages.Values.Sum(s => s.Persons);
    public long Premium => Stages.Values.Sum(s => s.Premium);

    public string ToJson() => CareJson.Write(Stages.Values.ToList());
    public static RunTotals FromJson(string? json) =>
        new() { Stages = new SortedDictionary<int, StageTotal>((json is null ? [] : CareJson.Read<List<StageTotal>>(json)).ToDictionary(s => s.Stage)) };
}
