using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>One person of the synthetic city, as composed before the rows are written.</summary>
internal sealed class SyntheticPerson
{
    public int Gender;
    public DateOnly Birth;
    public string FamilyName = "", GivenName = "", FamilyKana = "", GivenKana = "";
    public string FormerSurname = "", FormerSurnameKana = "";
    public string Domicile = "", DomicileHead = "";

    public bool Foreign;
    public string LatinName = "", CommonName = "", CommonNameKana = "", Nationality = "";
    public ForeignResidentCategory Category;
    public string Status = "", Period = "", CardNumber = "";
    public DateOnly? StayExpiresOn;

    /// <summary>続柄 until <see cref="RelationshipChangedOn"/> (世帯主変更), and after it.</summary>
    public string RelationshipBefore = "", RelationshipAfter = "";
    public DateOnly? RelationshipChangedOn;

    public MovementReasonCode EntryReason;
    public DateOnly EnteredOn;
    /// <summary>転入前住所 and 転入区分 (1 通常, 4 国外) when the first line is a 転入.</summary>
    public string PriorAddress = "", PriorKind = "";

    public MovementReasonCode? RemovalReason;
    public DateOnly? RemovedOn;
    public string MoveOutAddress = "";

    public bool Living => RemovedOn is null;

    public string RelationshipOn(DateOnly day) =>
        RelationshipChangedOn is { } changed && day >= changed ? RelationshipAfter : RelationshipBefore;

    public string FullName => FamilyName.Length > 0 ? $"{FamilyName}　{GivenName}" : LatinName;
}

/// <summary>One household: where it lives (and where it moved to on a 転居), and its members in 世帯内順位 order.</summary>
internal sealed class SyntheticHousehold
{
    public DateOnly EstablishedOn;
    public SyntheticAddress Address = null!;
    public SyntheticAddress? MovedTo;
    public DateOnly? RelocatedOn;
    public List<SyntheticPerson> Members { get; } = [];

    public SyntheticAddress AddressOn(DateOnly day) => RelocatedOn is { } moved && day >= moved ? MovedTo! : Address;

    public int LivingCount
    {
        get
        {
            var n = 0;
            foreach (var m in Members) if (m.Living) n++;
            return n;
        }
    }
}
