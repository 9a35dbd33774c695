using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Persistence;

namespace Jichitai.Registry.Features.Migration.Mapping;

/// <summary>certificate_issues.csv ⇄ <see cref="CertificateIssueRow"/> (交付履歴 標準1.3.8) and its 交付対象者.</summary>
public static class CertificateColumns
{
    /// <summary>Marks an issue that came with a migration: no PDF fingerprint, no snapshot, so no 再交付 and no /verify.</summary>
    public const string MigratedSnapshot = "";

    private static readonly LayoutFile F = MigrationLayout.CertificateIssues;
    private static readonly int Number = F.IndexOf("発行番号"), IssuedAt = F.IndexOf("交付日時"), Kind = F.IndexOf("証明書種別"),
        Layout = F.IndexOf("様式"), Requester = F.IndexOf("請求者区分"), RequesterName = F.IndexOf("請求者氏名"),
        RequesterAddress = F.IndexOf("請求者住所"), Purpose = F.IndexOf("利用目的"), Agency = F.IndexOf("請求機関"), Fee = F.IndexOf("手数料"),
        Pages = F.IndexOf("枚数"), IssuedBy = F.IndexOf("交付者"), Location = F.IndexOf("交付場所"), Subjects = F.IndexOf("対象者宛名番号"),
        DisposedAt = F.IndexOf("処分日時"), DisposedBy = F.IndexOf("処分者"), DisposeReason = F.IndexOf("処分理由");

    public sealed record Row(CertificateIssueRow Issue, IReadOnlyList<string> SubjectNumbers);

    public static Row? Read(FieldReader r)
    {
        var issue = new CertificateIssueRow
        {
            IssueNumber = r.Required(Number), IssuedAt = r.DateTime(IssuedAt) ?? default, Kind = (CertificateKind)(r.Code(Kind) ?? 1),
            Layout = (CertificateLayout)(r.Code(Layout) ?? 1), RequesterType = (RequesterType)(r.Code(Requester) ?? 1),
            RequesterName = r.Required(RequesterName), RequesterAddress = r.Text(RequesterAddress), Purpose = r.Text(Purpose),
            Agency = r.Text(Agency), Fee = r.Number(Fee) ?? 0, Pages = r.Number(Pages) ?? 0, IssuedByName = r.Required(IssuedBy),
            IssuedLocation = r.Text(Location), DisposedAt = r.DateTime(DisposedAt), DisposedBy = r.Text(DisposedBy),
            DisposeReason = r.Text(DisposeReason), VerificationCode = "", Sha256 = "", Snapshot = MigratedSnapshot,
        };
        var subjects = r.Required(Subjects).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (subjects.Any(s => !s.All(char.IsAsciiDigit))) r.Fail("対象者宛名番号", string.Join(' ', subjects), "宛名番号(半角数字)を半角スペースで区切って書いてください");
        return r.RowOk ? new Row(issue, subjects) : null;
    }

    public static string?[] Write(CertificateIssueRow x, IEnumerable<string> subjectNumbers)
    {
        var f = new string?[F.Columns.Count];
        f[Number] = x.IssueNumber; f[IssuedAt] = LayoutDates.Format(x.IssuedAt); f[Kind] = ResidentColumns.Code((int)x.Kind);
        f[Layout] = ResidentColumns.Code((int)x.Layout); f[Requester] = ResidentColumns.Code((int)x.RequesterType);
        f[RequesterName] = x.RequesterName; f[RequesterAddress] = x.RequesterAddress; f[Purpose] = x.Purpose; f[Agency] = x.Agency;
        f[Fee] = ResidentColumns.Code(x.Fee); f[Pages] = ResidentColumns.Code(x.Pages); f[IssuedBy] = x.IssuedByName;
        f[Location] = x.IssuedLocation; f[Subjects] = string.Join(' ', subjectNumbers);
        f[DisposedAt] = x.DisposedAt is { } d ? LayoutDates.Format(d) : ""; f[DisposedBy] = x.DisposedBy; f[DisposeReason] = x.DisposeReason;
        return f;
    }
}
