using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>
/// Everything a certificate prints, gathered by the issuance service; the renderer decides nothing about who may see what:
/// it prints the items in <see cref="Items"/> and nothing else.
/// </summary>
public sealed record CertificateInput
{
    public required CertificateKind Kind { get; init; }
    public CertificateLayout Layout { get; init; } = CertificateLayout.Personal;
    public CertificateItems Items { get; init; }
    /// <summary>Whole household (全部) or chosen members (一部): changes the 認証文 of a 世帯連記式 copy.</summary>
    public bool WholeHousehold { get; init; }
    /// <summary>The people, in the order the issuance service gives (標準5.2 order for 世帯連記式).</summary>
    public required IReadOnlyList<CertificateSubject> Subjects { get; init; }
    public required CertificateIssuer Issuer { get; init; }
    /// <summary>The issue's instant (JST date printed in 和暦; also the PDF's creation date).</summary>
    public required DateTimeOffset IssuedAt { get; init; }
    /// <summary>発行番号 without the page part (標準5.5): "20261127 デモ市 本庁1 プリンタ001 011"; the renderer appends "n/m".</summary>
    public required string IssueNumber { get; init; }
    /// <summary>照合番号 printed with its QR code (/verify?code=…).</summary>
    public required string VerificationCode { get; init; }
    public required string VerifyUrl { get; init; }
    /// <summary>「公用」 shown (標準5.7).</summary>
    public bool Official { get; init; }
    /// <summary>再交付 (標準4.1.3.0.3): 「再交付」 printed; the content is that of the first issue.</summary>
    public bool Reissue { get; init; }
    /// <summary>見本 (counter preview before issue): marked 「見本」 across every page, no QR code; never handed out.</summary>
    public bool Sample { get; init; }
    /// <summary>記載事項証明書: the items the requester asked to be certified, in the order given (標準20.1.4).</summary>
    public IReadOnlyList<string> CertifiedItems { get; init; } = [];
    /// <summary>支援措置期間終了通知: the measure's period.</summary>
    public SupportMeasurePeriod? SupportMeasure { get; init; }
    /// <summary>フリガナ in brackets after 氏名・旧氏・通称 (標準5.3, an optional function the tenant may choose); off by default.</summary>
    public bool PrintKana { get; init; }
    /// <summary>標準5.8: what an item that fits nowhere shows (a tenant parameter); the problem is reported in every case.</summary>
    public Jichitai.Documents.OverflowOutput Overflow { get; init; } = Jichitai.Documents.OverflowOutput.Whole;
}

/// <summary>One person on the certificate: the record as of issue (or as first issued, for a 再交付) and what goes with it.</summary>
public sealed record CertificateSubject
{
    public required ResidentRecord Record { get; init; }
    /// <summary>Plain 個人番号, present only when the item was requested and allowed.</summary>
    public string? PersonalNumber { get; init; }
    /// <summary>世帯主の氏名 (for 個人票 with 世帯主・続柄).</summary>
    public string? HeadName { get; init; }
    /// <summary>History lines (異動履歴 item), 特別な事由 already removed.</summary>
    public IReadOnlyList<MovementEntry> History { get; init; } = [];
}

/// <summary>認証者 and 公印 (標準1.3.7, 1.3.9, 5.6).</summary>
public sealed record CertificateIssuer
{
    public required string PrefectureName { get; init; }
    public required string MunicipalityName { get; init; }
    /// <summary>職名 (e.g. 市長); printed after the 都道府県名 and 市区町村名 (標準5.6).</summary>
    public required string MayorTitle { get; init; }
    public required string MayorName { get; init; }
    /// <summary>電子公印 (PNG, black, up to 25 mm square); null prints the product's drawn seal with the title.</summary>
    public byte[]? SealPng { get; init; }
    /// <summary>Fixed words near the seal (「この印は黒色です」 etc.); empty for none.</summary>
    public string SealNote { get; init; } = "";
    public string DepartmentName { get; init; } = "";
}

public sealed record SupportMeasurePeriod(DateOnly StartOn, DateOnly EndOn, DateOnly? EndedOn);
