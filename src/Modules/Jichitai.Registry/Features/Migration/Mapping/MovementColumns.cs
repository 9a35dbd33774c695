using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Migration.Mapping;

/// <summary>movements.csv ⇄ one 異動 of one person and the state it left (世帯, 続柄, 住所).</summary>
public static class MovementColumns
{
    private static readonly LayoutFile F = MigrationLayout.Movements;
    private static readonly int AddresseeNumber = F.IndexOf("宛名番号"), Sequence = F.IndexOf("連番"), Reason = F.IndexOf("異動事由"),
        EffectiveOn = F.IndexOf("異動年月日"), NotifiedOn = F.IndexOf("届出年月日"), ProcessedAt = F.IndexOf("処理日時"),
        Staff = F.IndexOf("処理者"), StatusAfter = F.IndexOf("異動後住民状態"), Household = F.IndexOf("異動後世帯番号"), Relationship = F.IndexOf("異動後続柄"),
        Town = F.IndexOf("異動後町字"), BlockNumber = F.IndexOf("異動後番地"), Building = F.IndexOf("異動後方書"),
        Late = F.IndexOf("届出期間経過"), Summary = F.IndexOf("摘要");

    public sealed record Line(string AddresseeNumber, int Sequence, MovementReasonCode Reason, DateOnly EffectiveOn, DateOnly NotifiedOn,
        DateTime ProcessedAt, string StaffName, ResidentStatus StatusAfter, string HouseholdNumber, string Relationship, string Town, string BlockNumber,
        string? Building, bool Late, string Summary, long FileLine);

    /// <summary>Just the 宛名番号, to merge the history with residents.csv before the rest is read.</summary>
    public static string KeyOf(string[] fields) => fields[AddresseeNumber];

    public static Line? Read(FieldReader r)
    {
        var number = r.Required(AddresseeNumber);
        var sequence = r.Number(Sequence) ?? 0;
        var reason = r.Code(Reason);
        var effective = r.Date(EffectiveOn);
        var notified = r.Date(NotifiedOn);
        var processed = r.DateTime(ProcessedAt);
        var staff = r.Text(Staff) ?? "";
        var status = (ResidentStatus)(r.Code(StatusAfter) ?? 1);
        var household = r.Required(Household);
        var relationshipCode = r.Required(Relationship);
        var town = r.Required(Town);
        var block = r.Text(BlockNumber) ?? "";
        var building = r.Text(Building);
        var late = r.Flag(Late);
        var summary = r.Text(Summary) ?? "";
        if (!r.RowOk) return null;
        RelationshipCatalog.TryFromCode(relationshipCode, out var rel);
        return new Line(number, sequence, (MovementReasonCode)reason!.Value, effective!.Value, notified!.Value, processed!.Value, staff,
            status, household, rel!.Label, town, block, building, late, summary, r.Line);
    }

    /// <summary>The person's record after this movement: the current record with this line's status, 世帯, 続柄 and 住所.</summary>
    public static ResidentRecord After(Line line, ResidentRecord current, long? householdId, bool isLast, Line? removal)
    {
        if (isLast) return current;
        var removed = line.StatusAfter != ResidentStatus.Resident;
        return current with
        {
            Status = line.StatusAfter,
            RemovedOn = removed ? removal?.EffectiveOn : null,
            RemovalReason = removed ? removal?.Reason : null,
            HouseholdId = householdId, HouseholdNumber = line.HouseholdNumber, Relationship = line.Relationship,
            Address = current.Address with { Town = line.Town, BlockNumber = line.BlockNumber, Building = line.Building },
        };
    }

    public static string?[] Write(string addresseeNumber, int sequence, Persistence.MovementRow m, ResidentRecord after)
    {
        var f = new string?[F.Columns.Count];
        f[AddresseeNumber] = addresseeNumber; f[Sequence] = ResidentColumns.Code(sequence); f[Reason] = ResidentColumns.Code(m.ReasonCode);
        f[EffectiveOn] = LayoutDates.Format(m.EffectiveOn); f[NotifiedOn] = LayoutDates.Format(m.NotifiedOn);
        f[ProcessedAt] = LayoutDates.Format(m.ProcessedAt); f[Staff] = m.StaffName;
        f[StatusAfter] = ResidentColumns.Code((int)after.Status);
        f[Household] = after.HouseholdNumber; f[Relationship] = ResidentColumns.RelationshipCode(after.Relationship);
        f[Town] = after.Address.Town; f[BlockNumber] = after.Address.BlockNumber; f[Building] = after.Address.Building;
        f[Late] = ResidentColumns.Flag(m.LateNotification); f[Summary] = m.Summary;
        return f;
    }
}
