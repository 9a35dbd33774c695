using Jichitai.Platform.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Features.Migration.Files;

/// <summary>
/// Reads one file of the layout row by row. The header must name the layout's columns in order; a row with the wrong number
/// of fields, or bytes the encoding cannot decode, becomes an error with its line, and the row is skipped.
/// </summary>
public sealed class MigrationFileReader : IDisposable
{
    private readonly LayoutFile _file;
    private readonly CsvParser _parser;
    private readonly List<MigrationError> _errors;
    private readonly Stream _stream;

    public MigrationFileReader(Stream stream, LayoutFile file, StrictEncoding encoding, List<MigrationError> errors)
    {
        (_file, _errors, _stream) = (file, errors, stream);
        var config = new CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        _parser = new CsvParser(new StreamReader(stream, encoding.Reading, detectEncodingFromByteOrderMarks: false, 1 << 16), config);
        HeaderOk = ReadHeader();
    }

    /// <summary>False when the header is missing or wrong: the file's rows are not read at all.</summary>
    public bool HeaderOk { get; }

    /// <summary>Line number (1 = header) of the row last returned.</summary>
    public long Line { get; private set; }

    /// <summary>Called with each row skipped for its field count, so that other files' references to it are not reported twice.</summary>
    public Action<string[]>? Skipped { get; set; }

    /// <summary>Bytes of the underlying file read so far (buffered, so slightly ahead; for progress only).</summary>
    public long Position => _stream.Position;

    private bool ReadHeader()
    {
        if (!_parser.Read())
        {
            _errors.Add(new(_file.FileName, 1, "", "", "ファイルが空です(見出し行がありません)"));
            return false;
        }
        var header = _parser.Record ?? [];
        if (header.Length > 0) header[0] = header[0].TrimStart('\uFEFF');
        var expected = _file.Columns.Select(c => c.Name).ToArray();
        if (header.SequenceEqual(expected)) return true;
        var unknown = header.Except(expected).ToList();
        var missing = expected.Except(header).ToList();
        var reason = unknown.Count > 0 ? $"見出しに定義にない項目があります: {string.Join("、", unknown)}"
            : missing.Count > 0 ? $"見出しに項目が足りません: {string.Join("、", missing)}"
            : "見出しの項目の順序がレイアウトと違います";
        _errors.Add(new(_file.FileName, 1, "", string.Join(",", header), reason + $"(レイアウト {MigrationLayout.Version} の{_file.Columns.Count}項目が必要です)"));
        return false;
    }

    /// <summary>The next row with the right number of fields, or null at the end of the file.</summary>
    public string[]? Next()
    {
        if (!HeaderOk) return null;
        while (_parser.Read())
        {
            Line = _parser.RawRow;
            var record = _parser.Record!;
            if (record.Length != _file.Columns.Count)
            {
                _errors.Add(new(_file.FileName, Line, "", Truncate(_parser.RawRecord.TrimEnd('\r', '\n')),
                    $"項目数が{record.Length}です(この表は{_file.Columns.Count}項目)"));
                Skipped?.Invoke(record);
                continue;
            }
            return record;
        }
        return null;
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";

    public void Dispose() => _parser.Dispose();
}
