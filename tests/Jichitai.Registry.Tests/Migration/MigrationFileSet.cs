using Jichitai.Platform.Text;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>One row read back by <see cref="MigrationFileReader"/>, its fields by item name.</summary>
public sealed class MigrationRow(LayoutFile file, string[] fields)
{
    public string this[string column] => fields[file.IndexOf(column)];
    public DateOnly Date(string column) => DateOnly.ParseExact(this[column], "yyyyMMdd");
    public DateTime DateTime(string column) => System.DateTime.ParseExact(this[column], "yyyy-MM-dd HH:mm:ss", null);
}

/// <summary>The five files of a directory read back through the product's own reader; any reader error fails the load.</summary>
public sealed class MigrationFileSet
{
    private readonly Dictionary<string, List<MigrationRow>> _rows = [];

    public IReadOnlyList<MigrationRow> Households => _rows["households.csv"];
    public IReadOnlyList<MigrationRow> Residents => _rows["residents.csv"];
    public IReadOnlyList<MigrationRow> Movements => _rows["movements.csv"];
    public IReadOnlyList<MigrationRow> Restrictions => _rows["restrictions.csv"];
    public IReadOnlyList<MigrationRow> CertificateIssues => _rows["certificate_issues.csv"];

    public static MigrationFileSet Read(string directory, StrictEncoding encoding)
    {
        var set = new MigrationFileSet();
        var errors = new List<MigrationError>();
        foreach (var file in MigrationLayout.Files)
        {
            using var stream = File.OpenRead(Path.Combine(directory, file.FileName));
            using var reader = new MigrationFileReader(stream, file, encoding, errors);
            var rows = new List<MigrationRow>();
            while (reader.Next() is { } fields)
            {
                Assert.DoesNotContain(fields, f => f.Contains(StrictEncoding.Undecodable));
                rows.Add(new MigrationRow(file, fields));
            }
            set._rows[file.FileName] = rows;
        }
        Assert.Empty(errors);
        return set;
    }
}
