using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Addresses;

namespace Jichitai.Registry.Persistence;

/// <summary>
/// One 町字 of the 住所辞書 (standard 1.3.3): 住所コード, 郵便番号, names and readings of each level, 住居表示 or 地番 (1.3.2),
/// and the period it exists (町字 are created and abolished). Never deleted: old names stay usable for 本籍 (1.3.3, 4.0.6).
/// </summary>
public sealed class AddressEntryRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Code { get; set; }
    public required string PostalCode { get; set; }
    public required string Prefecture { get; set; }
    public required string PrefectureKana { get; set; }
    public required string Municipality { get; set; }
    public required string MunicipalityKana { get; set; }
    public required string Town { get; set; }
    public required string TownKana { get; set; }
    public AddressScheme Scheme { get; set; }
    /// <summary>First day the 町字 exists (施行日).</summary>
    public DateOnly ValidFrom { get; set; }
    /// <summary>First day it no longer exists (廃止日); null while it exists.</summary>
    public DateOnly? AbolishedOn { get; set; }
    public string? Note { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>What the 住所's 町字 item holds for an address here (市区町村名 + 町字名, as on the 住民票).</summary>
    public string AddressText => Municipality + Town;
    public string FullName => Prefecture + Municipality + Town;
    public bool ActiveOn(DateOnly d) => ValidFrom <= d && (AbolishedOn is null || d < AbolishedOn);
}

/// <summary>方書 (standard 1.3.4): an apartment, mansion or dormitory registered at a 番地 of a 町字.</summary>
public sealed class BuildingEntryRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long AddressEntryId { get; set; }
    public required string BlockNumber { get; set; }
    /// <summary>番地 as numbers for sorting (standard 1.3.2), see <see cref="BlockNumberCode"/>.</summary>
    public required string BlockSortKey { get; set; }
    public required string Name { get; set; }
    public string? NameKana { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool ActiveOn(DateOnly d) => ValidFrom <= d && (AbolishedOn is null || d < AbolishedOn);
}
