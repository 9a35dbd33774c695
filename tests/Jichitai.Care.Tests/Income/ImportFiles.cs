using System.Text;
using Jichitai.Care.Income;
using Jichitai.Platform.Tenancy;
using Jichitai.Platform.Text;

namespace Jichitai.Care.Tests.Income;

/// <summary>Import files built in memory, and calls of the importer as the 介護担当.</summary>
internal static class ImportFiles
{
    public const string IncomeHeader = "宛名番号,合計所得金額,課税年金収入額,その他の合計所得金額,住民税課税区分,生活保護,老齢福祉年金";
    public const string PensionHeader = "宛名番号,年金保険者コード,年金額";

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    public static byte[] Cp932(params string[] lines) => StrictEncoding.Cp932.Writing.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static Task<CareImportResult> ImportIncomeAsync(this CareTestHost host, Tenant tenant, byte[] file, string? encoding = null, bool dryRun = false, int year = 2026) =>
        host.AsTenant<CareDataImporter, CareImportResult>(tenant, i =>
            i.ImportIncomeAsync(tenant.Id, year, new MemoryStream(file), "shotoku.csv", encoding, CareTestHost.Officer, dryRun, default));

    public static Task<CareImportResult> ImportPensionAsync(this CareTestHost host, Tenant tenant, byte[] file, string? encoding = null, bool dryRun = false, int year = 2026) =>
        host.AsTenant<CareDataImporter, CareImportResult>(tenant, i =>
            i.ImportPensionAsync(tenant.Id, year, new MemoryStream(file), "nenkin.csv", encoding, CareTestHost.Officer, dryRun, default));

    public static string Describe(CareImportResult r) => string.Join("\n", r.Errors.Select(e => $"{e.Line} {e.Column} {e.Reason}"));
}
