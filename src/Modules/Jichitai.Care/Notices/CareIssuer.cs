using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Notices;

/// <summary>
/// Who issues a 介護保険 document: the 保険者 (the municipality, 介護保険法3条) with its 保険者番号 — the tenant's 6-digit
/// 地方公共団体コード — and the 市区町村長 with the office to ask, from the platform's tenant settings.
/// </summary>
public sealed record CareIssuer(string InsurerNumber, string InsurerName, string Title, string MayorName, string Department, string OfficeAddress, string Phone)
{
    /// <summary>"千代田区長　山田 一郎" (or the title alone while no name is set).</summary>
    public string Signature => MayorName.Length > 0 ? $"{Title}　{MayorName}" : Title;

    public static async Task<CareIssuer> LoadAsync(PlatformDbContext platform, TenantSettingsService settings, int tenantId, DateOnly on, CancellationToken ct)
    {
        var tenant = await platform.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.Code, t.Name }).SingleAsync(ct);
        var values = (await settings.GetAllAsync(tenantId, on, ct)).ToDictionary(s => s.Definition.Key);
        var title = values["municipality.mayorTitle"] is { IsDefault: false } set ? TitleOf(tenant.Name, set.Value) : tenant.Name + "長";
        return new CareIssuer(tenant.Code, tenant.Name, title, values["municipality.mayorName"].Value.Trim(), values["municipality.departmentName"].Value.Trim(),
            values["municipality.officeAddress"].Value.Trim(), values["municipality.phone"].Value.Trim());
    }

    // デモ市 + 市長 → デモ市長 (the 職名 repeats the last character of the name).
    internal static string TitleOf(string municipality, string mayorTitle)
    {
        var title = mayorTitle.Trim();
        if (municipality.Length > 0 && title.Length > 1 && title[0] == municipality[^1]) title = title[1..];
        return municipality + title;
    }
}
