using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Persistence;

namespace Jichitai.Registry.Features.Migration.Mapping;

/// <summary>restrictions.csv ⇄ <see cref="RestrictionRow"/> (支援措置 標準3.4, 抑止 3.1).</summary>
public static class RestrictionColumns
{
    private static readonly LayoutFile F = MigrationLayout.Restrictions;
    private static readonly int Target = F.IndexOf("対象区分"), Number = F.IndexOf("対象番号"), Kind = F.IndexOf("種別"),
        Movement = F.IndexOf("異動"), Issuance = F.IndexOf("交付"), Inquiry = F.IndexOf("照会"), Start = F.IndexOf("開始年月日"),
        End = F.IndexOf("終了予定年月日"), Ended = F.IndexOf("終了年月日"), EndReason = F.IndexOf("終了事由"), Reason = F.IndexOf("理由"),
        Continued = F.IndexOf("転出後継続"), Extensions = F.IndexOf("延長回数"), CreatedBy = F.IndexOf("登録者"), CreatedAt = F.IndexOf("登録日時");

    /// <summary>The row (ids of its person or household still to be filled) and whom it is about.</summary>
    public sealed record Row(RestrictionRow Restriction, bool OnHousehold, string Number);

    public static Row? Read(FieldReader r)
    {
        var onHousehold = r.Code(Target) == 2;
        var number = r.Required(Number);
        var row = new RestrictionRow
        {
            Kind = (RestrictionKind)(r.Code(Kind) ?? 1), Movement = (RestrictionLevel)(r.Code(Movement) ?? 0),
            Issuance = (RestrictionLevel)(r.Code(Issuance) ?? 0), Inquiry = (RestrictionLevel)(r.Code(Inquiry) ?? 0),
            StartOn = r.Date(Start) ?? default, EndOn = r.Date(End), EndedOn = r.Date(Ended), EndReason = r.Text(EndReason),
            Reason = r.Required(Reason), ContinuedAfterMoveOut = r.Flag(Continued), Extensions = r.Number(Extensions) ?? 0,
            CreatedBy = r.Required(CreatedBy), CreatedAt = r.DateTime(CreatedAt) ?? default,
        };
        if (row.EndOn is { } end && end < row.StartOn) r.Fail("終了予定年月日", LayoutDates.Format(end), "開始年月日より前です");
        return r.RowOk ? new Row(row, onHousehold, number) : null;
    }

    public static string?[] Write(RestrictionRow x, string number)
    {
        var f = new string?[F.Columns.Count];
        f[Target] = x.HouseholdId is null ? "1" : "2"; f[Number] = number; f[Kind] = ResidentColumns.Code((int)x.Kind);
        f[Movement] = ResidentColumns.Code((int)x.Movement); f[Issuance] = ResidentColumns.Code((int)x.Issuance);
        f[Inquiry] = ResidentColumns.Code((int)x.Inquiry); f[Start] = LayoutDates.Format(x.StartOn); f[End] = LayoutDates.Format(x.EndOn);
        f[Ended] = LayoutDates.Format(x.EndedOn); f[EndReason] = x.EndReason; f[Reason] = x.Reason;
        f[Continued] = ResidentColumns.Flag(x.ContinuedAfterMoveOut); f[Extensions] = ResidentColumns.Code(x.Extensions);
        f[CreatedBy] = x.CreatedBy; f[CreatedAt] = LayoutDates.Format(x.CreatedAt);
        return f;
    }
}
