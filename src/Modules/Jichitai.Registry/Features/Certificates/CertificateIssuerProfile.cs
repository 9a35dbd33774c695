using System.Globalization;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Registry.Features.Certificates.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>The settings a certificate needs on its issue date: 認証者, 公印 and fees, read once per request.</summary>
internal sealed record CertificateSettings(CertificateIssuer Issuer, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>標準5.3 (optional function): フリガナ in brackets, when the tenant chose it.</summary>
    public bool PrintKana => Values["certificates.printKana"] == "true";

    /// <summary>標準5.8: what an item that does not fit shows.</summary>
    public Jichitai.Documents.OverflowOutput Overflow => Values["certificates.overflow"] switch
    {
        "限界まで" => Jichitai.Documents.OverflowOutput.UpToTheLimit,
        "空白" => Jichitai.Documents.OverflowOutput.Blank,
        _ => Jichitai.Documents.OverflowOutput.Whole,
    };

    public int UnitFee(CertificateKind kind) =>
        RequesterRules.FeeSetting(kind) is { } key ? int.Parse(Values[key], CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// 認証者 (標準1.3.9): the 首長, or the 職務代理者 during the period registered beforehand — switched automatically by date.
    /// </summary>
    public static async Task<CertificateSettings> LoadAsync(PlatformDbContext platform, TenantSettingsService settings, int tenantId, DateOnly on, CancellationToken ct)
    {
        var tenant = await platform.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.Prefecture, t.Name }).SingleAsync(ct);
        var values = (await settings.GetAllAsync(tenantId, on, ct)).ToDictionary(s => s.Definition.Key, s => s.Value);
        var deputy = InDeputyPeriod(values["municipality.deputyFrom"], values["municipality.deputyUntil"], on) && values["municipality.deputyName"].Length > 0;
        var seal = values[deputy ? "municipality.deputySealImage" : "municipality.sealImage"];
        var issuer = new CertificateIssuer
        {
            PrefectureName = tenant.Prefecture,
            MunicipalityName = tenant.Name,
            MayorTitle = values[deputy ? "municipality.deputyTitle" : "municipality.mayorTitle"],
            MayorName = values[deputy ? "municipality.deputyName" : "municipality.mayorName"],
            SealPng = seal.Length > 0 ? Convert.FromBase64String(seal) : null,
            SealNote = values["municipality.sealNote"],
            DepartmentName = values["municipality.departmentName"],
        };
        return new CertificateSettings(issuer, values);
    }

    internal static bool InDeputyPeriod(string from, string until, DateOnly on) =>
        DateOnly.TryParse(from, CultureInfo.InvariantCulture, out var f) && on >= f
        && (!DateOnly.TryParse(until, CultureInfo.InvariantCulture, out var u) || on <= u);
}
