using Jichitai.Registry.Features.RecordColumn;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.RecordSheets;

/// <summary>How a 個人票 is shown: the current 住民票 or its 改製原住民票, and whether 特別な事由 appear in the history.</summary>
public sealed record SheetOptions
{
    /// <summary>改製原住民票: the record as it stood before the last 改製, with the history up to it.</summary>
    public bool Original { get; init; }
    /// <summary>Show the history lines of 特別な事由 (standard 1.1.4: left out by default).</summary>
    public bool IncludeSpecial { get; init; }
    public string? Reason { get; init; }
}

/// <summary>個人票 (standard 1.1.3): one person's 住民票 with its 統合記載欄 and the required items left blank (1.1.6).</summary>
public sealed record PersonalSheet(
    ResidentSummary Summary, ResidentRecord Record, string? PersonalNumber, string? HeadName, bool IsOriginal, DateOnly? RenewedOn,
    bool HasOriginal, RecordColumnView Column, IReadOnlyList<string> BlankItems, IReadOnlyList<Restrictions.RestrictionNotice> Restrictions);

/// <summary>世帯票 (世帯連記式, standard 1.1.3): the members' records written together under the household.</summary>
public sealed record HouseholdSheet(
    string HouseholdNumber, string Address, string? HeadName, IReadOnlyList<HouseholdSheetMember> Members, DeFactoHeadView? DeFactoHead,
    IReadOnlyList<Restrictions.RestrictionNotice> Restrictions);

public sealed record HouseholdSheetMember(ResidentSummary Summary, ResidentRecord Record, IReadOnlyList<string> BlankItems, IReadOnlyList<RecordEntryView> Remarks);
