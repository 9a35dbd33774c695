using Jichitai.Platform.Tenancy;

namespace Jichitai.Platform.Settings;

/// <summary>One version of one setting of one tenant, effective from a date. Versions are never overwritten.</summary>
public sealed class TenantSettingValue : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public Guid? ChangedBy { get; set; }
    public string ChangedByName { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string? Reason { get; set; }
}
