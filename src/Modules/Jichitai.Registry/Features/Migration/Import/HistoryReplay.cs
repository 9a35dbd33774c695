using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Mapping;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Migration.Import;

/// <summary>
/// Checks that a person's 異動履歴 replays to the 住民票 it came with (標準1.2.1: the history is the record of every 異動).
/// Replaying: the first movement writes the record (記載); a 消除 needs a living record, a 記載 a removed one; 異動日 never goes
/// back (a 取消 excepted: it is dated by what it cancels); and the end state, 世帯, 続柄 and 住所 equal the current record.
/// </summary>
public static class HistoryReplay
{
    private static readonly HashSet<MovementReasonCode> Cancellations =
        [MovementReasonCode.CancellationIncrease, MovementReasonCode.CancellationDecrease, MovementReasonCode.CancellationAmendment];

    public static void Check(ResidentRecord current, IReadOnlyList<MovementColumns.Line> lines, List<MigrationError> errors)
    {
        const string file = "movements.csv";
        void Fail(MovementColumns.Line l, string column, string value, string reason) => errors.Add(new(file, l.FileLine, column, value, reason));

        var status = (ResidentStatus?)null;
        DateOnly? lastDate = null;
        MovementColumns.Line? lastRemoval = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Sequence != i + 1) { Fail(l, "連番", l.Sequence.ToString(), $"連番は1から順に振ってください({i + 1}のはずです)"); return; }
            var kind = l.Reason.Reason().Kind;
            var code = ((int)l.Reason).ToString();
            var living = status == ResidentStatus.Resident;
            var livingAfter = l.StatusAfter == ResidentStatus.Resident;
            if (i == 0 && (kind != MovementKind.Entry || !livingAfter)) { Fail(l, "異動事由", code, "最初の異動は住民となる記載(1xx: 転入・出生など)でなければなりません"); return; }
            // A movement names one 事由 for everyone it touched: only the people whose status changed must match its kind.
            if (!living && livingAfter && kind != MovementKind.Entry) { Fail(l, "異動事由", code, "住民でない人を住民にする異動は記載(1xx)でなければなりません"); return; }
            if (living && !livingAfter && kind != MovementKind.Removal) { Fail(l, "異動事由", code, "住民を消除する異動は消除(2xx)でなければなりません"); return; }
            if (!Cancellations.Contains(l.Reason) && lastDate is { } before && l.EffectiveOn < before)
            {
                Fail(l, "異動年月日", LayoutDates.Format(l.EffectiveOn), $"前の異動({LayoutDates.Format(before)})より前の日付です");
                return;
            }
            if (living && !livingAfter) lastRemoval = l;
            status = l.StatusAfter;
            if (!Cancellations.Contains(l.Reason)) lastDate = l.EffectiveOn;
        }

        var last = lines[^1];
        if (status != current.Status)
        {
            Fail(last, "異動後住民状態", ((int)last.StatusAfter).ToString(),
                $"最後の異動後の住民状態が residents.csv の住民状態({(int)current.Status})と一致しません");
            return;
        }
        if (current.Status == ResidentStatus.Removed && lastRemoval is { } removal
            && (removal.EffectiveOn != current.RemovedOn || removal.Reason != current.RemovalReason))
            Fail(removal, "異動年月日", LayoutDates.Format(removal.EffectiveOn), "消除の異動が residents.csv の消除年月日・消除事由と一致しません");
        if (last.HouseholdNumber != current.HouseholdNumber)
            Fail(last, "異動後世帯番号", last.HouseholdNumber, $"最後の異動後の世帯番号が現在の世帯番号 {current.HouseholdNumber} と一致しません");
        if (last.Relationship != current.Relationship)
            Fail(last, "異動後続柄", ResidentColumns.RelationshipCode(last.Relationship), "最後の異動後の続柄が現在の続柄と一致しません");
        if (last.Town != current.Address.Town || last.BlockNumber != current.Address.BlockNumber || (last.Building ?? "") != (current.Address.Building ?? ""))
            Fail(last, "異動後町字", last.Town + last.BlockNumber + (last.Building ?? ""), "最後の異動後の住所が現在の住所と一致しません");

    }
}
