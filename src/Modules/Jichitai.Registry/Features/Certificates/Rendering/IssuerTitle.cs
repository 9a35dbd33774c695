namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>The 認証者 line of a certificate (標準5.6).</summary>
public static class IssuerTitle
{
    /// <summary>
    /// 都道府県名 + 市区町村名 + 職名, always with the 都道府県名 (標準5.6, also for 指定都市 and 特別区). A 職名 that repeats the
    /// last character of the municipality's name is joined without repeating it: デモ市 + 市長 → デモ市長 (not デモ市市長);
    /// 職務代理者 titles such as 「市長職務代理者　副市長」 are joined the same way.
    /// </summary>
    public static string Of(CertificateIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var municipality = issuer.MunicipalityName.Trim();
        var prefecture = issuer.PrefectureName.Trim();
        if (municipality.StartsWith(prefecture, StringComparison.Ordinal)) prefecture = "";
        var title = issuer.MayorTitle.Trim();
        if (municipality.Length > 0 && title.Length > 1 && title[0] == municipality[^1] && title[0] is '市' or '区' or '町' or '村')
            title = title[1..];
        return prefecture + municipality + title;
    }

    /// <summary>The drawn seal's words when no 電子公印 is registered: the title and 之印 (e.g. 東京都デモ市長之印).</summary>
    public static string SealText(CertificateIssuer issuer)
    {
        var title = Of(issuer);
        // A 職務代理者 title ends in the deputy's own 職名 after a space; the seal is the office's, so keep the part before it.
        var office = title.Split(['　', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
        return office + "之印";
    }
}
