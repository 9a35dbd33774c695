using System.Globalization;
using System.Text;
using CsvHelper;

namespace Jichitai.Registry.Features.Migration.Files;

/// <summary>
/// エラー一覧: one CSV line per error (ファイル, 行, 項目, 値, 理由), UTF-8 with a BOM so that a spreadsheet on a municipal PC
/// opens it in Japanese without asking.
/// </summary>
public static class ErrorReport
{
    public static readonly string[] Header = ["ファイル", "行", "項目", "値", "理由"];

    public static async Task WriteAsync(Stream stream, IEnumerable<MigrationError> errors)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, MigrationFileWriter.Configuration);
        foreach (var h in Header) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var e in errors)
        {
            csv.WriteField(e.File);
            csv.WriteField(e.Line == 0 ? "" : e.Line.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(e.Column);
            csv.WriteField(e.Value);
            csv.WriteField(e.Reason);
            await csv.NextRecordAsync();
        }
    }

    public static async Task WriteAsync(string path, IEnumerable<MigrationError> errors)
    {
        await using var file = File.Create(path);
        await WriteAsync(file, errors);
    }
}
