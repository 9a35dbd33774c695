namespace Jichitai.Platform.Identity;

/// <summary>Roles per business (業務ごとの権限). Names are stable identifiers; labels are what staff see.</summary>
public static class StaffRoles
{
    public const string Counter = "Counter";                 // 窓口
    public const string RegistryOfficer = "RegistryOfficer"; // 住記担当
    public const string CareInsurance = "CareInsurance";     // 介護担当
    public const string TenantAdmin = "TenantAdmin";         // 情報担当
    public const string Auditor = "Auditor";                 // 監査
    public const string Operator = "Operator";               // 運用者

    public static readonly IReadOnlyList<string> TenantRoles = [Counter, RegistryOfficer, CareInsurance, TenantAdmin, Auditor];
    public static readonly IReadOnlyList<string> All = [.. TenantRoles, Operator];

    public static string Label(string role) => role switch
    {
        Counter => "窓口",
        RegistryOfficer => "住記担当",
        CareInsurance => "介護担当",
        TenantAdmin => "情報担当",
        Auditor => "監査",
        Operator => "運用者",
        _ => role,
    };

    /// <summary>Accepts the identifier or the Japanese label.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase) || Label(r) == text);
}
