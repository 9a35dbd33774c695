using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Residents;

/// <summary>
/// 空欄 (standard 1.1.6): the items of 1.1.1/1.1.2 that may not be left blank; every other item may. The list is
/// written once here; movements refuse a record that leaves one blank, and the 個人票 marks any that still is.
/// </summary>
public static class BlankItemRules
{
    /// <summary>本籍・筆頭者 may be written as なし or 不明 (standard 1.1.12), which is not blank.</summary>
    public const string None = "なし";
    public const string Unknown = "不明";

    /// <summary>
    /// 住民票コード is on the list, but it is assigned through the CS (住基ネット), which this system is not linked to yet:
    /// a movement does not refuse its absence, the 個人票 shows it as 未付番.
    /// </summary>
    public const string ResidentCodeItem = "住民票コード";

    /// <summary>The required items left blank in <paramref name="r"/>, by their names in the standard.</summary>
    public static IReadOnlyList<string> Missing(ResidentRecord r)
    {
        var removed = r.Status != ResidentStatus.Resident;
        var missing = new List<string>();
        if (r.BirthDate == default) missing.Add("生年月日");
        if (r.Kind == ResidentKind.Japanese && (Blank(r.Domicile) || Blank(r.DomicileHead))) missing.Add("戸籍の表示(本籍・筆頭者)");
        if (r.BecameResidentOn == default) missing.Add(r.Kind == ResidentKind.Foreign ? "外国人住民となった年月日" : "住民となった年月日");
        if (Blank(r.Address.Town) || Blank(r.Address.BlockNumber)) missing.Add("住所");
        if (!removed && Blank(r.ResidentCode)) missing.Add(ResidentCodeItem); // 除票の場合を除く
        if (Blank(r.AddresseeNumber)) missing.Add("宛名番号");
        if (!removed && Blank(r.HouseholdNumber)) missing.Add("世帯番号");
        if (r.Foreign is { } f)
        {
            // 法30条の45の表の区分ごとの事項: the card numbers except on a 除票, and the 上陸期間・仮滞在期間.
            if (!removed && f.Category.CardNumberItem() == ResidenceCardNumberItem.ResidenceCard && Blank(f.CardNumber)) missing.Add("在留カードの番号");
            if (f.Category.CardNumberItem() == ResidenceCardNumberItem.SpecialPermanentResidentCertificate && Blank(f.CardNumber)) missing.Add("特別永住者証明書の番号");
            if (f.Category == ForeignResidentCategory.TemporaryRefugeePermit && Blank(f.PeriodOfStay) && f.StayExpiresOn is null) missing.Add("上陸期間");
            if (f.Category == ForeignResidentCategory.ProvisionalStayPermit && Blank(f.PeriodOfStay) && f.StayExpiresOn is null) missing.Add("仮滞在期間");
        }
        return missing;
    }

    /// <summary>Items a movement must not leave blank: all of <see cref="Missing"/> except 住民票コード (see there).</summary>
    public static IReadOnlyList<string> MissingOnEntry(ResidentRecord r) => Missing(r).Where(i => i != ResidentCodeItem).ToList();

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
