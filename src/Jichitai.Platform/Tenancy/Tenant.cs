namespace Jichitai.Platform.Tenancy;

/// <summary>A municipality (地方公共団体) using the shared service.</summary>
public sealed class Tenant
{
    public int Id { get; set; }
    /// <summary>地方公共団体コード (6 digits with check digit).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string NameKana { get; set; } = "";
    public string Prefecture { get; set; } = "";
    public MunicipalityClass Class { get; set; } = MunicipalityClass.General;
    public TenantStatus Status { get; set; } = TenantStatus.Active;
    public DateTime CreatedAt { get; set; }
}

/// <summary>市区町村の区分.</summary>
public enum MunicipalityClass
{
    DesignatedCity = 1,   // 指定都市
    CoreCity = 2,         // 中核市
    SpecialCaseCity = 3,  // 施行時特例市
    General = 4,          // 一般市
    TownOrVillage = 5,    // 町村
    SpecialWard = 6,      // 特別区
}

public enum TenantStatus
{
    Active = 1,    // 稼働中
    Suspended = 2, // 停止中
    Preparing = 3, // 移行準備中
}

public static class TenantLabels
{
    public static string Of(MunicipalityClass c) => c switch
    {
        MunicipalityClass.DesignatedCity => "指定都市",
        MunicipalityClass.CoreCity => "中核市",
        MunicipalityClass.SpecialCaseCity => "施行時特例市",
        MunicipalityClass.General => "一般市",
        MunicipalityClass.TownOrVillage => "町村",
        MunicipalityClass.SpecialWard => "特別区",
        _ => c.ToString(),
    };

    public static string Of(TenantStatus s) => s switch
    {
        TenantStatus.Active => "稼働中",
        TenantStatus.Suspended => "停止中",
        TenantStatus.Preparing => "移行準備中",
        _ => s.ToString(),
    };

    /// <summary>Accepts the English name or the Japanese label (e.g. "特別区" or "SpecialWard").</summary>
    public static bool TryParseClass(string? text, out MunicipalityClass value)
    {
        foreach (var c in Enum.GetValues<MunicipalityClass>())
            if (string.Equals(text, c.ToString(), StringComparison.OrdinalIgnoreCase) || text == Of(c)) { value = c; return true; }
        value = default;
        return false;
    }
}
