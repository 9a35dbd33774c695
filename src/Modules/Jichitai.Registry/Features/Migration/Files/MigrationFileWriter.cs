using Jichitai.Platform.Text;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Features.Migration.Files;

/// <summary>
/// Writes one file of the layout: header row of item names, CRLF, fields quoted only when they must be. A row holding a
/// character the encoding cannot take is not written; it becomes an error with its code point.
/// </summary>
public sealed class MigrationFileWriter : IAsyncDisposable
{
    private readonly LayoutFile _file;
    private readonly StrictEncoding _encoding;
    private readonly CsvWriter _csv;
    private readonly List<MigrationError> _errors;
    private long _line = 1;

    public MigrationFileWriter(string directory, LayoutFile file, StrictEncoding encoding, List<MigrationError> errors)
    {
        (_file, _encoding, _errors) = (file, encoding, errors);
        var stream = new FileStream(Path.Combine(directory, file.FileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _csv = new CsvWriter(new StreamWriter(stream, encoding.Writing, 1 << 16), Configuration);
        foreach (var column in file.Columns) _csv.WriteField(column.Name);
        _csv.NextRecord();
    }

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is { Length: > 0 } f && f.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    /// <summary>Rows written so far (the header excluded).</summary>
    public long Rows { get; private set; }

    public void Write(ReadOnlySpan<string?> fields)
    {
        if (fields.Length != _file.Columns.Count) throw new ArgumentException($"{_file.FileName}: {fields.Length} fields for {_file.Columns.Count} columns");
        _line++;
        var bad = false;
        for (var i = 0; i < fields.Length; i++)
            if (fields[i] is { Length: > 0 } value && _encoding.Unencodable(value) is { } cp)
            {
                _errors.Add(new(_file.FileName, _line, _file.Columns[i].Name, value, $"{cp} は {_encoding.Name} で表せない文字です"));
                bad = true;
            }
        if (bad) return;
        foreach (var f in fields) _csv.WriteField(f ?? "");
        _csv.NextRecord();
        Rows++;
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.FlushAsync();
        await _csv.DisposeAsync();
    }
}
