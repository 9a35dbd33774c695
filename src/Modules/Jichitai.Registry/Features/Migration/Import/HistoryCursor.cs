using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Mapping;

namespace Jichitai.Registry.Features.Migration.Import;

/// <summary>
/// Walks movements.csv alongside residents.csv (both in 宛名番号 order): hands over each person's lines, and reports lines
/// whose 宛名番号 the residents file skipped (no such person, or the history is out of order).
/// </summary>
internal sealed class HistoryCursor(MigrationFileReader reader, List<MigrationError> errors) : IDisposable
{
    private readonly FieldReader _fields = new(MigrationLayout.Movements, errors);
    private string[]? _next = reader.Next();

    /// <summary>
    /// Reports every line before <paramref name="number"/> (all remaining lines when null) as without a person, except the
    /// lines of people whose own row was rejected (their error is reported already).
    /// </summary>
    public void SkipBefore(string? number, IReadOnlySet<string> rejected)
    {
        while (_next is not null && (number is null || string.CompareOrdinal(MovementColumns.KeyOf(_next), number) < 0))
        {
            if (!rejected.Contains(MovementColumns.KeyOf(_next))) errors.Add(new(MigrationLayout.Movements.FileName, reader.Line, "宛名番号", MovementColumns.KeyOf(_next),
                "residents.csv にない宛名番号です(または宛名番号の昇順に並んでいません)"));
            _next = reader.Next();
        }
    }

    /// <summary>The lines of one person; a line that breaks a column rule is reported and comes back as null.</summary>
    public List<MovementColumns.Line?> TakeFor(string number)
    {
        var lines = new List<MovementColumns.Line?>(2);
        while (_next is not null && MovementColumns.KeyOf(_next) == number)
        {
            _fields.Start(_next, reader.Line);
            lines.Add(MovementColumns.Read(_fields));
            _next = reader.Next();
        }
        return lines;
    }

    public void Dispose() => reader.Dispose();
}
