using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Movements;

/// <summary>What a feature decided: the kind of movement, its dates and a one-line summary for the history.</summary>
public sealed record MovementDraft(MovementReasonCode Reason, DateOnly EffectiveOn, DateOnly NotifiedOn, string Summary, bool IsNotification = true)
{
    public long? CancelsMovementId { get; init; }
    public string? Note { get; init; }

    /// <summary>
    /// Applies the header's <see cref="MovementBasis"/>: a 届出 movement done 職権 (標準4.2.0.2) has no 届出期間, and a 職権 or 申出
    /// basis is written into the summary so the history shows it (標準4.2.0.5: 申出を受けて行ったことがわかる).
    /// </summary>
    public MovementDraft WithBasis(MovementHeader header) => header.Basis switch
    {
        MovementBasis.Official when IsNotification => this with { IsNotification = false, Summary = Summary + "(職権)" },
        MovementBasis.Application => this with { IsNotification = false, Summary = Summary + "(申出による)" },
        _ => this,
    };
}

/// <summary>The answer to a movement request; the same answer is returned again for a repeated idempotency key.</summary>
public sealed record MovementResult(
    long MovementId, string Reason, DateOnly EffectiveOn, DateOnly NotifiedOn, bool LateNotification,
    IReadOnlyList<string> AddresseeNumbers, IReadOnlyList<string> HouseholdNumbers, bool Replayed)
{
    /// <summary>Set when the movement was stored as 仮登録 (standard 4.0.8) and waits for 本登録; MovementId is then 0.</summary>
    public long? PendingId { get; init; }
}

/// <summary>Runs one 異動 feature in a <see cref="MovementSession"/>: idempotency, dates, 届出期間, commit and access log.</summary>
public sealed class RegistryMovements(PlatformSettings settings, ITenantScopeAccessor scope, PersonalDataProtector protector, IAuditLog audit, TimeProvider clock,
    Features.Approval.ApprovalPolicy approvalPolicy)
{
    /// <summary>How far ahead a 転出予定日 may lie (standard 4.1.3.0.1).</summary>
    public const int MoveOutFutureWindowDays = 30;

    public DateOnly Today => JapanTime.Today(clock);

    public int TenantId => scope.RequireTenant();

    /// <summary>
    /// Runs a movement of the catalog: at once, or — when the tenant requires 審査・決裁 — checked in full, rolled back
    /// and stored as 仮登録 for another officer's 本登録 (standard 4.0.8).
    /// </summary>
    public async Task<MovementResult> SubmitAsync<T>(T request, string? idempotencyKey, AuditActor actor, CancellationToken ct) where T : class
    {
        var feature = Features.Approval.MovementCatalog.For(request.GetType()); // the runtime type: counter pages pass it as object
        if (!await approvalPolicy.RequiredAsync(TenantId, Today, ct))
            return await ExecuteAsync(idempotencyKey, actor, (s, c) => feature.Run(s, request, c), ct);
        return await approvalPolicy.StorePendingAsync(this, feature, request, idempotencyKey, actor, ct);
    }

    public async Task<MovementResult> ExecuteAsync(
        string? idempotencyKey, AuditActor actor, Func<MovementSession, CancellationToken, Task<MovementDraft>> feature, CancellationToken ct) =>
        await RunAsync(idempotencyKey, actor, feature, dryRun: false, ct);

    /// <summary>Everything a movement would do — validation, household invariants, restrictions — then rolled back.</summary>
    public async Task<MovementResult> CheckAsync(AuditActor actor, Func<MovementSession, CancellationToken, Task<MovementDraft>> feature, CancellationToken ct) =>
        await RunAsync(null, actor, feature, dryRun: true, ct);

    private async Task<MovementResult> RunAsync(
        string? idempotencyKey, AuditActor actor, Func<MovementSession, CancellationToken, Task<MovementDraft>> feature, bool dryRun, CancellationToken ct)
    {
        var tenantId = TenantId;
        if (idempotencyKey is { Length: > 100 })
            throw new DomainException("registry.idempotency-key", "Idempotency-Key は100文字以内にしてください。", "Idempotency-Key");
        if (!string.IsNullOrEmpty(idempotencyKey) && await FindReplayAsync(tenantId, idempotencyKey, ct) is { } replay) return replay;

        await using var session = await MovementSession.BeginAsync(settings.Database, tenantId, protector, Today, ct);
        var draft = await feature(session, ct);
        if (draft.CancelsMovementId is null) MovementDateRules.Check(draft.EffectiveOn, draft.NotifiedOn, Today,
            effectiveMayFollowNotification: MovementDateRules.IsPlannedMoveOut(draft.Reason), MoveOutFutureWindowDays);
        var movement = new MovementRow
        {
            ReasonCode = (int)draft.Reason,
            EffectiveOn = draft.EffectiveOn,
            NotifiedOn = draft.NotifiedOn,
            ProcessedAt = clock.GetUtcNow().UtcDateTime,
            StaffId = actor.Id,
            StaffName = actor.Name,
            LateNotification = draft.IsNotification && MovementDateRules.IsLate(draft.EffectiveOn, draft.NotifiedOn),
            CancelsMovementId = draft.CancelsMovementId,
            IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
            Summary = draft.Summary.Length > 500 ? draft.Summary[..500] : draft.Summary,
            Note = draft.Note,
        };
        await Features.InputPlaces.InputPlaceService.StampAsync(session.Db, movement, actor.ClientAddress, ct); // standard 1.3.1
        try
        {
            await session.CommitAsync(movement, audit, actor, ct, dryRun);
            if (dryRun)
                return new MovementResult(0, draft.Reason.Label(), draft.EffectiveOn, draft.NotifiedOn, movement.LateNotification, session.ChangedAddresseeNumbers, [], false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("registry.concurrent-change", "同じ住民が同時に更新されました。もう一度検索してから入力してください。");
        }
        catch (DbUpdateException) when (!string.IsNullOrEmpty(idempotencyKey))
        {
            // A concurrent request with the same key may have won the race: answer with its result.
            await session.DisposeAsync();
            if (await FindReplayAsync(tenantId, idempotencyKey, ct) is { } winner) return winner;
            throw;
        }
        return await ResultAsync(tenantId, movement.Id, replayed: false, ct);
    }

    private async Task<MovementResult?> FindReplayAsync(int tenantId, string key, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var id = await db.Movements.Where(m => m.IdempotencyKey == key).Select(m => (long?)m.Id).SingleOrDefaultAsync(ct);
        return id is long movementId ? await ResultAsync(tenantId, movementId, replayed: true, ct) : null;
    }

    private async Task<MovementResult> ResultAsync(int tenantId, long movementId, bool replayed, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var m = await db.Movements.SingleAsync(x => x.Id == movementId, ct);
        var people = await (from v in db.ResidentVersions
                            join r in db.Residents on v.ResidentId equals r.Id
                            where v.MovementId == movementId
                            orderby v.Id
                            select new { r.AddresseeNumber, v.HouseholdId }).ToListAsync(ct);
        var householdIds = people.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var households = await db.Households.Where(h => householdIds.Contains(h.Id)).Select(h => h.HouseholdNumber).ToListAsync(ct);
        return new MovementResult(m.Id, ((MovementReasonCode)m.ReasonCode).Label(), m.EffectiveOn, m.NotifiedOn, m.LateNotification,
            people.Select(p => p.AddresseeNumber).ToList(), households, replayed);
    }
}
