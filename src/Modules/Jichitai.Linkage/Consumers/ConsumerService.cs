using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Linkage.Consumers;

public sealed record ConsumerRequest(string Name, ConsumerKind Kind, IReadOnlyList<string> Items, bool PersonalNumberUse = false,
    bool NeedsSupportMeasures = false, string? WebhookUrl = null, string? FileEncoding = null, int MaxAttempts = 16, long? StartAfter = null,
    int DeliveryIntervalMinutes = 0);

/// <summary>What a new consumer is told once: its API key and (webhook) signing secret.</summary>
public sealed record ConsumerCreated(ConsumerRow Consumer, string ApiKey, string? WebhookSecret);

/// <summary>A consumer with how far behind it is.</summary>
public sealed record ConsumerStatus(ConsumerRow Consumer, long LastSequence)
{
    public long Lag => Math.Max(0, LastSequence - Consumer.Cursor);
}

/// <summary>Registers consumers and changes their grants and delivery state; every change is in the access log.</summary>
public sealed class ConsumerService(PlatformSettings settings, LinkageCatalog catalog, PersonalDataProtector protector, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ConsumerStatus>> ListAsync(int tenantId, CancellationToken ct)
    {
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        await using var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var last = await IntegrationEventOutbox.LastSequenceAsync(platform, tenantId, ct);
        var rows = await db.Consumers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return rows.Select(r => new ConsumerStatus(r, last)).ToList();
    }

    public async Task<ConsumerStatus> GetAsync(int tenantId, long id, CancellationToken ct) =>
        (await ListAsync(tenantId, ct)).SingleOrDefault(c => c.Consumer.Id == id)
        ?? throw new DomainException("linkage.consumer.not-found", "指定された連携先は登録されていません。", "id", 404);

    public async Task<IReadOnlyList<DeliveryFailureRow>> FailuresAsync(int tenantId, long id, int take, CancellationToken ct)
    {
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        return await db.Failures.AsNoTracking().Where(f => f.ConsumerId == id).OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(take).ToListAsync(ct);
    }

    public async Task<ConsumerCreated> CreateAsync(int tenantId, ConsumerRequest request, AuditActor actor, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new DomainException("linkage.consumer.name", "連携先の名称を100文字以内で入力してください。", "name");
        if (request.Kind == ConsumerKind.InProcess) throw new DomainException("linkage.consumer.kind", "庁内モジュールの連携先は自動で登録されます。", "kind");
        if (!Enum.IsDefined(request.Kind)) throw new DomainException("linkage.consumer.kind", "連携方式を選んでください。", "kind");
        if (request.MaxAttempts is < 1 or > 100) throw new DomainException("linkage.consumer.max-attempts", "再送回数の上限は1から100の間で入力してください。", "maxAttempts");
        CheckInterval(request.DeliveryIntervalMinutes);
        var items = catalog.Validate(request.Items, request.PersonalNumberUse, request.NeedsSupportMeasures);
        string? secret = null;
        if (request.Kind == ConsumerKind.Webhook)
        {
            WebhookUrls.Check(request.WebhookUrl);
            secret = ConsumerSecrets.NewWebhookSecret();
        }
        var encoding = request.Kind == ConsumerKind.File ? DeltaEncodingName(request.FileEncoding) : null;
        var apiKey = ConsumerSecrets.NewApiKey();

        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        if (await db.Consumers.AnyAsync(c => c.Name == name, ct))
            throw new DomainException("linkage.consumer.duplicate", $"連携先「{name}」は既に登録されています。", "name", 409);
        long cursor;
        await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId)))
        {
            var last = await IntegrationEventOutbox.LastSequenceAsync(platform, tenantId, ct);
            cursor = request.StartAfter is long s ? Math.Clamp(s, 0, last) : last; // a new consumer starts from a snapshot, then the delta
        }
        var row = new ConsumerRow
        {
            TenantId = tenantId, Name = name, Kind = request.Kind, PersonalNumberUse = request.PersonalNumberUse,
            NeedsSupportMeasures = request.NeedsSupportMeasures, Items = string.Join(',', items),
            ApiKeyHash = ConsumerSecrets.Hash(apiKey), ApiKeyPrefix = apiKey[..10],
            WebhookUrl = request.Kind == ConsumerKind.Webhook ? request.WebhookUrl!.Trim() : null,
            WebhookSecretProtected = secret is null ? null : protector.Protect(tenantId, ConsumerSecrets.WebhookSecretPurpose, secret),
            FileEncoding = encoding, MaxAttempts = request.MaxAttempts, Cursor = cursor, DeliveryIntervalMinutes = request.DeliveryIntervalMinutes,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Consumers.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.LinkageConsumerChange, TargetType: "linkage.consumer", TargetId: Id(row),
            Detail: $"登録 {name} ({KindLabel(row.Kind)}) 提供項目: {Describe(row)}"), ct);
        return new ConsumerCreated(row, apiKey, secret);
    }

    /// <summary>Changes what a consumer may receive. A reason is required: the grant is the legal basis of the provision.</summary>
    public async Task ChangeGrantsAsync(int tenantId, long id, IReadOnlyList<string> items, bool personalNumberUse, bool needsSupportMeasures, string? reason, AuditActor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("linkage.grant.reason", "提供項目を変更する理由を入力してください。", "reason");
        var keys = catalog.Validate(items, personalNumberUse, needsSupportMeasures);
        await ChangeAsync(tenantId, id, actor, reason, row =>
        {
            var before = Describe(row);
            row.Items = string.Join(',', keys);
            row.PersonalNumberUse = personalNumberUse;
            row.NeedsSupportMeasures = needsSupportMeasures;
            return $"提供項目の変更: [{before}] → [{Describe(row)}]";
        }, ct);
    }

    /// <summary>Delivers again from <paramref name="fromSequence"/> (inclusive) and leaves the dead-letter state.</summary>
    public async Task ReplayAsync(int tenantId, long id, long fromSequence, AuditActor actor, CancellationToken ct)
    {
        if (fromSequence < 1) throw new DomainException("linkage.replay.sequence", "再送する連番は1以上で入力してください。", "fromSequence");
        await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId)))
            if (fromSequence > await IntegrationEventOutbox.LastSequenceAsync(platform, tenantId, ct) + 1)
                throw new DomainException("linkage.replay.sequence", "まだ発生していない連番からは再送できません。", "fromSequence");
        await ChangeAsync(tenantId, id, actor, null, row =>
        {
            row.Cursor = fromSequence - 1;
            Reset(row);
            return $"連番 {fromSequence} から再送";
        }, ct);
    }

    /// <summary>Real time (0) or at most every N minutes (1–10): 標準7.2.3 lets the municipality choose per consumer.</summary>
    public async Task ChangeIntervalAsync(int tenantId, long id, int minutes, AuditActor actor, CancellationToken ct)
    {
        CheckInterval(minutes);
        await ChangeAsync(tenantId, id, actor, null, row =>
        {
            var before = IntervalLabel(row.DeliveryIntervalMinutes);
            row.DeliveryIntervalMinutes = minutes;
            return $"送信タイミング {before} → {IntervalLabel(minutes)}";
        }, ct);
    }

    // 標準7.2.3: 準リアルタイム = 即時ではないが10分以内おき.
    private static void CheckInterval(int minutes)
    {
        if (minutes is < 0 or > 10)
            throw new DomainException("linkage.consumer.interval", "送信タイミングは即時(0)か、1から10分までの間隔で指定してください(標準仕様書7.2.3: 10分以内おき)。", "deliveryIntervalMinutes");
    }

    public static string IntervalLabel(int minutes) => minutes == 0 ? "即時" : $"{minutes}分おき";

    public Task PauseAsync(int tenantId, long id, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(tenantId, id, actor, null, row => { row.State = ConsumerState.Paused; return "送信を停止"; }, ct);

    public Task ResumeAsync(int tenantId, long id, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(tenantId, id, actor, null, row => { Reset(row); return "送信を再開"; }, ct);

    private static void Reset(ConsumerRow row)
    {
        row.State = ConsumerState.Active;
        row.FailedAttempts = 0;
        row.NextAttemptAt = null;
    }

    private async Task ChangeAsync(int tenantId, long id, AuditActor actor, string? reason, Func<ConsumerRow, string> change, CancellationToken ct)
    {
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await db.Consumers.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("linkage.consumer.not-found", "指定された連携先は登録されていません。", "id", 404);
        var detail = change(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.LinkageConsumerChange, TargetType: "linkage.consumer", TargetId: Id(row),
            Reason: reason, Detail: $"{row.Name}: {detail}"), ct);
    }

    private string Describe(ConsumerRow row)
    {
        var labels = catalog.Items.Where(i => row.Items.Split(',').Contains(i.Key)).Select(i => i.Label);
        var flags = (row.PersonalNumberUse ? "マイナンバー利用事務、" : "") + (row.NeedsSupportMeasures ? "支援措置要、" : "");
        return flags + string.Join("・", labels);
    }

    private static string Id(ConsumerRow row) => row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string DeltaEncodingName(string? name)
    {
        try { return Platform.Text.StrictEncoding.Parse(name).Name; }
        catch (ArgumentException) { throw new DomainException("linkage.consumer.encoding", "文字コードは utf-8 か cp932 を選んでください。", "fileEncoding"); }
    }

    public static string KindLabel(ConsumerKind kind) => kind switch
    {
        ConsumerKind.Pull => "API(取得)",
        ConsumerKind.Webhook => "Webhook(送信)",
        ConsumerKind.File => "差分ファイル",
        ConsumerKind.InProcess => "庁内モジュール",
        _ => kind.ToString(),
    };

    public static string StateLabel(ConsumerState state) => state switch
    {
        ConsumerState.Active => "稼働中",
        ConsumerState.DeadLetter => "送信停止(再送上限)",
        ConsumerState.Paused => "停止中",
        _ => state.ToString(),
    };
}

/// <summary>Webhook URLs: https, except to this machine (a local receiver or tests).</summary>
public static class WebhookUrls
{
    public static void Check(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DomainException("linkage.webhook.url", "送信先URLを https:// で始まる形で入力してください。", "webhookUrl");
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            throw new DomainException("linkage.webhook.url", "個人情報を送るため、送信先URLは https に限ります(このサーバー内の受信先を除く)。", "webhookUrl");
    }
}
