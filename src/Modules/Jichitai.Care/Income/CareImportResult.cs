using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Jichitai.Care.Income;

/// <summary>One refused value of an import file: the line (1 = header), the column and why, in Japanese.</summary>
public sealed record CareImportError(long Line, string Column, string Reason);

/// <summary>What an import did (or, with errors, why it did nothing).</summary>
public sealed record CareImportResult(
    string Kind, int FiscalYear, bool DryRun, int RowsRead, int RowsWritten, IReadOnlyList<CareImportError> Errors, int ErrorCount,
    long? ImportId, int Revisions)
{
    public bool Succeeded => ErrorCount == 0;

    /// <summary>エラー一覧 (行,項目,内容), UTF-8 with a BOM so that a spreadsheet on a municipal PC opens it in Japanese.</summary>
    public async Task WriteErrorReportAsync(Stream stream)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        foreach (var h in new[] { "行", "項目", "内容" }) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var e in Errors)
        {
            csv.WriteField(e.Line == 0 ? "" : e.Line.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(e.Column);
            csv.WriteField(e.Reason);
            await csv.NextRecordAsync();
        }
        if (ErrorCount > Errors.Count)
        {
            csv.WriteField("");
            csv.WriteField("");
            csv.WriteField($"ほかに{ErrorCount - Errors.Count:N0}件のエラーがあります(最初の{Errors.Count:N0}件のみ記載)");
            await csv.NextRecordAsync();
        }
    }

    public async Task WriteErrorReportAsync(string path)
    {
        await using var file = File.Create(path);
        await WriteErrorReportAsync(file);
    }
}
