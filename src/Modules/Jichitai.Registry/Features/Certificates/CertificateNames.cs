namespace Jichitai.Registry.Features.Certificates;

/// <summary>The Japanese names of kinds, layouts and items, for screens, the API and the 交付履歴.</summary>
public static class CertificateNames
{
    public static string Kind(CertificateKind k) => k switch
    {
        CertificateKind.ResidentRecordCopy => "住民票の写し",
        CertificateKind.RemovedRecordCopy => "住民票の除票の写し",
        CertificateKind.ResidentItemCertificate => "住民票記載事項証明書",
        CertificateKind.RemovedItemCertificate => "除票記載事項証明書",
        CertificateKind.MoveOutCertificate => "転出証明書",
        CertificateKind.MoveOutEquivalentCertificate => "転出証明書に準ずる証明書",
        CertificateKind.ResidentCodeNotice => "住民票コード通知票",
        _ => "支援措置期間終了通知",
    };

    public static string Layout(CertificateLayout l) => l == CertificateLayout.Household ? "世帯連記式" : "個人票";

    public static readonly IReadOnlyList<(CertificateItems Item, string Name)> Items =
    [
        (CertificateItems.HeadAndRelationship, "世帯主・続柄"),
        (CertificateItems.DomicileAndHead, "本籍・筆頭者"),
        (CertificateItems.ResidentCode, "住民票コード"),
        (CertificateItems.PersonalNumber, "個人番号"),
        (CertificateItems.PreviousAddress, "転入前住所"),
        (CertificateItems.FormerSurname, "旧氏"),
        (CertificateItems.CommonName, "通称"),
        (CertificateItems.MovementHistory, "異動履歴"),
        (CertificateItems.ResidenceDetails, "在留資格等"),
    ];

    public static string ItemList(CertificateItems items) =>
        items == CertificateItems.None ? "省略なしの項目なし(基本事項のみ)" : string.Join("・", Items.Where(i => items.HasFlag(i.Item)).Select(i => i.Name));

    public static CertificateKind? ParseKind(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (Enum.TryParse<CertificateKind>(t, out var k) && Enum.IsDefined(k) && !int.TryParse(t, out _)) return k;
        return Enum.GetValues<CertificateKind>().Cast<CertificateKind?>().FirstOrDefault(x => Kind(x!.Value) == t);
    }

    public static CertificateLayout? ParseLayout(string? text) => text?.Trim() switch
    {
        null or "" or "個人票" or "Personal" => CertificateLayout.Personal,
        "世帯連記式" or "Household" => CertificateLayout.Household,
        _ => null,
    };

    /// <summary>Item names (Japanese or English) to flags; unknown names are returned for the error message.</summary>
    public static (CertificateItems Items, IReadOnlyList<string> Unknown) ParseItems(IEnumerable<string>? names)
    {
        var items = CertificateItems.None;
        var unknown = new List<string>();
        foreach (var raw in (names ?? []).OfType<string>())
        {
            var n = raw.Trim();
            if (n.Length == 0) continue;
            var found = Items.FirstOrDefault(i => i.Name == n || i.Item.ToString() == n);
            if (found.Item == CertificateItems.None) unknown.Add(n); else items |= found.Item;
        }
        return (items, unknown);
    }
}
