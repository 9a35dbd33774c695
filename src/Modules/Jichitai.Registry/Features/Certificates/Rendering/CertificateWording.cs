namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>Titles and fixed sentences of each certificate (認証文: 標準5.1 and the forms of 第4章 20.1–20.5).</summary>
internal static class CertificateWording
{
    public static string Title(CertificateInput input) => input.Kind switch
    {
        CertificateKind.ResidentRecordCopy => "住民票の写し",
        CertificateKind.RemovedRecordCopy => "住民票の除票の写し",
        CertificateKind.ResidentItemCertificate => "住民票記載事項証明書",
        CertificateKind.RemovedItemCertificate => "除票記載事項証明書",
        CertificateKind.MoveOutCertificate => "転出証明書",
        CertificateKind.MoveOutEquivalentCertificate => "転出証明書に準ずる証明書",
        CertificateKind.ResidentCodeNotice => "住民票コード通知票",
        CertificateKind.SupportMeasureEndNotice => "支援措置期間終了通知書",
        _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, null),
    };

    /// <summary>認証文, printed once on the last page (標準5.1); null for notices, which certify nothing.</summary>
    public static string? Attestation(CertificateInput input) => input.Kind switch
    {
        CertificateKind.ResidentRecordCopy when input.Layout == CertificateLayout.Household => input.WholeHousehold
            ? "この写しは、世帯全員の住民票の原本と相違ないことを証明する。"
            : "この写しは、世帯の一部の住民票の原本と相違ないことを証明する。",
        CertificateKind.ResidentRecordCopy => "この写しは、住民票の原本と相違ないことを証明する。",
        CertificateKind.RemovedRecordCopy => "この写しは、住民票の除票の原本と相違ないことを証明する。",
        CertificateKind.ResidentItemCertificate => "上記のとおり住民票に記載されていることを証明する。",
        CertificateKind.RemovedItemCertificate => "上記のとおり住民票の除票に記載されていることを証明する。",
        CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate => "上記の者は、転出の届出をしたことを証明する。",
        _ => null,
    };

    /// <summary>標準4.1.3.0.3: the 準ずる証明書 says it was issued as the document to attach to the 転入届.</summary>
    public const string MoveOutEquivalentNote =
        "この証明書は、転出をした日から14日を経過した後に転出の届出がなされたため、転出証明書に代えて、転入届に添付すべき書類として発行したものである。";

    public static bool IsRemovedRecord(CertificateKind kind) => kind is CertificateKind.RemovedRecordCopy or CertificateKind.RemovedItemCertificate;

    public static bool IsMoveOut(CertificateKind kind) => kind is CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate;

    public static bool IsItemCertificate(CertificateKind kind) => kind is CertificateKind.ResidentItemCertificate or CertificateKind.RemovedItemCertificate;

    public static bool IsNotice(CertificateKind kind) => kind is CertificateKind.ResidentCodeNotice or CertificateKind.SupportMeasureEndNotice;
}
