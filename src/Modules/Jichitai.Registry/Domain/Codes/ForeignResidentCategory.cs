namespace Jichitai.Registry.Domain.Codes;

/// <summary>外国人住民の区分 (住基法30条の45の表). The numbers are ours; the law does not number them.</summary>
public enum ForeignResidentCategory
{
    MidToLongTermResident = 1,
    SpecialPermanentResident = 2,
    TemporaryRefugeePermit = 3,
    ProvisionalStayPermit = 4,
    TransitionalStay = 5,
}

/// <summary>Which card number, if any, the 住民票 of a category carries.</summary>
public enum ResidenceCardNumberItem
{
    None = 0,
    ResidenceCard = 1,
    SpecialPermanentResidentCertificate = 2,
}

public static class ForeignResidentCategoryExtensions
{
    public static string Label(this ForeignResidentCategory category) => category switch
    {
        ForeignResidentCategory.MidToLongTermResident => "中長期在留者",
        ForeignResidentCategory.SpecialPermanentResident => "特別永住者",
        ForeignResidentCategory.TemporaryRefugeePermit => "一時庇護許可者",
        ForeignResidentCategory.ProvisionalStayPermit => "仮滞在許可者",
        ForeignResidentCategory.TransitionalStay => "経過滞在者",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    // 住基法30条の45の表: 在留カードの番号 (中長期在留者) and 特別永住者証明書の番号 (特別永住者) only.
    public static ResidenceCardNumberItem CardNumberItem(this ForeignResidentCategory category) => category switch
    {
        ForeignResidentCategory.MidToLongTermResident => ResidenceCardNumberItem.ResidenceCard,
        ForeignResidentCategory.SpecialPermanentResident => ResidenceCardNumberItem.SpecialPermanentResidentCertificate,
        _ => ResidenceCardNumberItem.None,
    };

    public static string Label(this ResidenceCardNumberItem item) => item switch
    {
        ResidenceCardNumberItem.ResidenceCard => "在留カードの番号",
        ResidenceCardNumberItem.SpecialPermanentResidentCertificate => "特別永住者証明書の番号",
        _ => "",
    };
}
