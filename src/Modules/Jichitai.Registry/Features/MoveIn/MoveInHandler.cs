using Jichitai.Registry.Features.AddressDictionary;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.MoveIn;

public static class MoveInHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, MoveInRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new MoveInValidator(), request);
        var kind = MoveInKinds.Parse(request.Kind)!.Value;
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var address = await session.AddressFromDictionaryAsync(request.Address, effectiveOn, ct);
        if (!request.DuplicateConfirmed && kind != MoveInKind.Return) await WarnOnDuplicatesAsync(session, request, ct);

        var household = string.IsNullOrWhiteSpace(request.JoinHouseholdNumber)
            ? await session.NewHouseholdAsync(effectiveOn, ct)
            : await session.GetHouseholdAsync(request.JoinHouseholdNumber, "joinHouseholdNumber", ct);
        var existing = await session.MembersAsync(household.Id, ct);
        var order = existing.Count == 0 ? 0 : existing.Max(m => m.Record.MemberOrder);
        var previous = new PriorAddress
        {
            Abroad = request.PreviousAddress.Abroad || kind == MoveInKind.FromAbroad,
            Text = request.PreviousAddress.Text!.Trim(),
            HeadName = request.PreviousAddress.HeadName?.Trim(),
            CertificateIssuer = request.PreviousAddress.CertificateIssuer?.Trim(),
            CertificatePlannedDate = request.PreviousAddress.CertificatePlannedDate,
            Kind = kind,
        };

        // The head first, so member order follows the standard's 世帯主 → 世帯員 (standard 5.2).
        foreach (var person in request.Members.OrderBy(p => p.Relationship?.Trim() == HouseholdRules.HeadRelationship ? 0 : 1))
        {
            var record = PersonFactory.NewRecord(person, session) with
            {
                HouseholdId = household.Id,
                HouseholdNumber = household.HouseholdNumber,
                MemberOrder = ++order,
                Address = address,
                BecameResidentOn = effectiveOn,
                AddressSetOn = effectiveOn,
                AddressNotifiedOn = request.Header.NotifiedOn!.Value,
                PreviousAddress = previous,
            };
            if (kind == MoveInKind.Return)
            {
                var returning = await session.GetAsync(request.ReturningAddresseeNumber, "returningAddresseeNumber", ct);
                if (returning.Record.Status != ResidentStatus.Removed)
                    throw new DomainException("registry.movein.return-not-removed", $"宛名番号 {returning.Row.AddresseeNumber} の住民は除票ではありません。再転入できるのは転出等で消除された住民です。", "returningAddresseeNumber", 409);
                session.Update(returning, record with { AddresseeNumber = returning.Row.AddresseeNumber, ResidentCode = record.ResidentCode ?? returning.Record.ResidentCode });
            }
            else
            {
                await session.CreateAsync(record, ct);
            }
        }
        return new MovementDraft(ReasonFor(kind), effectiveOn, request.Header.NotifiedOn!.Value,
            $"{MoveInKinds.Label(kind)} {request.Members.Count}人 世帯 {household.HouseholdNumber}", IsNotification: kind != MoveInKind.Unnotified)
        { Note = request.Header.Note }.WithBasis(request.Header);
    }

    private static MovementReasonCode ReasonFor(MoveInKind kind) => kind switch
    {
        MoveInKind.SpecialCase => MovementReasonCode.SpecialMoveIn,
        MoveInKind.Unnotified => MovementReasonCode.UnnotifiedMoveIn,
        MoveInKind.FromAbroad => MovementReasonCode.MoveInFromAbroad,
        MoveInKind.Return => MovementReasonCode.ReturnMoveIn,
        _ => MovementReasonCode.MoveIn,
    };

    /// <summary>Same normalised name and birth date as someone on file: the clerk must confirm (issue rule; standard 4.1.1.2).</summary>
    private static async Task WarnOnDuplicatesAsync(MovementSession session, MoveInRequest request, CancellationToken ct)
    {
        var hits = new List<string>();
        foreach (var p in request.Members)
        {
            var key = SearchKeys.Name(PersonFactory.NewRecord(p with { PersonalNumber = null }, session));
            var birth = p.BirthDate!.Value;
            var found = await session.Db.Residents.Where(r => r.NameKey == key && r.BirthDate == birth)
                .Select(r => new { r.AddresseeNumber, r.Status }).ToListAsync(ct);
            hits.AddRange(found.Select(f => $"{p.FamilyName}{p.GivenName}(宛名番号 {f.AddresseeNumber}、{(f.Status == ResidentStatus.Resident ? "住民" : "除票")})"));
        }
        if (hits.Count > 0)
            throw new DomainException("registry.movein.duplicate-suspected",
                $"同じ氏名・生年月日の方が登録されています: {string.Join("、", hits)}。別人であることを確認したら「重複を確認済み」にして登録してください。再転入の場合は種別「再転入」で入力してください。",
                "duplicateConfirmed", 409);
    }
}
