using Jichitai.Platform.Audit;

namespace Jichitai.Bench;

/// <summary>
/// The row every scenario writes: a counter clerk reading one resident's record, the typical entry on the
/// path of an access to personal data. Baseline and subject store exactly these values.
/// </summary>
internal static class SampleAccess
{
    public static readonly AuditActor Actor = new(Guid.Parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"), "窓口 花子 (shimin-ka)", "10.20.30.40");

    public static AuditRecord Record(int i) => new(
        Action: "resident.read",
        Outcome: AuditOutcome.Success,
        TargetType: "resident",
        TargetId: (100_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        SubjectId: (100_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Reason: "住民票の写しの交付(窓口)",
        Detail: "screen=resident-detail");
}
