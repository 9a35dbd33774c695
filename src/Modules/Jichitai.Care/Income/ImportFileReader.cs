using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Jichitai.Platform.Text;

namespace Jichitai.Care.Income;

/// <summary>
/// Reads one import file to the end, streaming: the header must name the layout's columns in order; each row is checked
/// (field count, undecodable bytes, every value, 宛名番号 not twice). Rows with any error are counted and left out.
/// </summary>
internal static class ImportFileReader
{
    public static async Task<(List<(long Line, T Row)> Rows, int RowsRead)> ReadAsync<T>(Stream stream, StrictEncoding encoding, IImportLayout<T> layout, ImportErrors errors)
    {
        var rowsRead = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        using var parser = new CsvParser(new StreamReader(stream, encoding.Reading, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true), config);
        if (!await parser.ReadAsync()) { errors.Add(1, "", "ファイルが空です(見出し行がありません)"); return ([], 0); }
        if (!HeaderOk(parser.Record ?? [], layout, errors)) return ([], 0);
        var rows = new List<(long Line, T Row)>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await parser.ReadAsync())
        {
            rowsRead++;
            var line = (long)parser.RawRow;
            var fields = parser.Record!;
            if (fields.Length != layout.Columns.Count)
            {
                errors.Add(line, "", $"項目数が{fields.Length}です({layout.Label}ファイルは{layout.Columns.Count}項目)");
                continue;
            }
            var undecodable = Array.FindIndex(fields, f => f.Contains(StrictEncoding.Undecodable));
            if (undecodable >= 0)
            {
                errors.Add(line, layout.Columns[undecodable], $"文字コード {encoding.Name} として読めないバイトがあります(文字コードの指定を確認してください)");
                continue;
            }
            if (layout.Parse(fields, line, errors) is not { } row) continue;
            var addressee = layout.AddresseeOf(row);
            if (seen.TryGetValue(addressee, out var first))
            {
                errors.Add(line, layout.Columns[0], $"宛名番号 {addressee} が{first}行目と重複しています(1人1行にしてください)");
                continue;
            }
            seen.Add(addressee, line);
            rows.Add((line, row));
        }
        if (rowsRead == 0) errors.Add(2, "", "データ行がありません(見出し行だけのファイルです)");
        return (rows, rowsRead);
    }

    private static bool HeaderOk<T>(string[] header, IImportLayout<T> layout, ImportErrors errors)
    {
        header = [.. header];
        if (header.Length > 0) header[0] = header[0].TrimStart('\uFEFF');
        if (header.SequenceEqual(layout.Columns)) return true;
        var unknown = header.Except(layout.Columns).ToList();
        var missing = layout.Columns.Except(header).ToList();
        var reason = header.Any(h => h.Contains(StrictEncoding.Undecodable)) ? "見出し行が読めません(文字コードの指定を確認してください)"
            : unknown.Count > 0 ? $"見出しに定義にない項目があります: {string.Join("、", unknown)}"
            : missing.Count > 0 ? $"見出しに項目が足りません: {string.Join("、", missing)}"
            : "見出しの項目の順序が定義と違います";
        errors.Add(1, "", $"{reason}(必要な見出し: {string.Join(",", layout.Columns)})");
        return false;
    }
}
