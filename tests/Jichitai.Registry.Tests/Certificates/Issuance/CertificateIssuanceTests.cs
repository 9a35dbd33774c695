using Jichitai.Platform.Audit;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Certificates.Issuance;

public class CertificateIssuanceTests
{
    private static readonly IssueContext Clerk = new(RegistryTestHost.Clerk, false, "https://jichitai.example");
    private static readonly IssueContext Officer = new(new AuditActor(Guid.NewGuid(), "test-officer", "127.0.0.1"), true, "https://jichitai.example");

    private static CertificateRequest Self(params string[] numbers) => new()
    {
        Kind = "住民票の写し", AddresseeNumbers = numbers, RequesterType = "本人等", RequesterName = "山田 太郎", RequesterRelation = "本人",
        IdentityDocument = "マイナンバーカード",
    };

    private static Task<T> Issue<T>(RegistryTestHost host, Tenant tenant, Func<CertificateService, Task<T>> f) => host.AsTenant(tenant, f);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HouseholdCopy_IsIssued_Registered_Verifiable_AndRecordedPerPerson(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));

        var request = Self() with { Layout = "世帯連記式", HouseholdNumber = family.HouseholdNumbers[0], Items = ["世帯主・続柄", "本籍・筆頭者"] };
        var check = await Issue(host, tenant, s => s.CheckAsync(request, Clerk, default));
        Assert.True(check.Allowed);
        Assert.True(check.WholeHousehold);
        Assert.Equal(300, check.Fee); // the standard default of fees.residentRecordCopy, one 通 for the household form
        Assert.Equal(3, check.Subjects.Count);
        Assert.Contains("個人番号", check.OfferedItems); // 本人等 are offered it

        var preview = await Issue(host, tenant, s => s.PreviewAsync(request, Clerk, default));
        Assert.NotEmpty(preview.Pages);
        Assert.Equal(0x89, preview.Pages[0][0]); // PNG
        await using (var none = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id)))
            Assert.Equal(0, await none.CertificateIssues.CountAsync()); // a preview issues nothing

        var issued = await Issue(host, tenant, s => s.IssueAsync(request, Clerk, default));
        Assert.Equal("20261126 千代田区 001", issued.IssueNumber); // no registered terminal: the part is left out (標準5.5)
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(issued.Pdf, 0, 4));
        Assert.Equal(DocumentAuthenticity.HashOf(issued.Pdf), issued.Sha256);

        // The public check: the PDF matches; one changed byte does not.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.None;
            var authenticity = scope.ServiceProvider.GetRequiredService<DocumentAuthenticity>();
            var (answer, matches) = await authenticity.CheckAsync(issued.VerificationCode, issued.Pdf);
            Assert.True(matches);
            Assert.Equal("住民票の写し", answer.Kind);
            var altered = (byte[])issued.Pdf.Clone();
            altered[altered.Length / 2] ^= 0x01;
            Assert.False((await authenticity.CheckAsync(issued.VerificationCode, altered)).Matches);
        }

        // 交付履歴: found from each person; every person printed has an access-log line.
        foreach (var number in family.AddresseeNumbers)
        {
            var history = await host.AsTenant(tenant, (CertificateHistory h) => h.SearchAsync(new CertificateHistoryQuery { AddresseeNumber = number }, RegistryTestHost.Clerk, default));
            var line = Assert.Single(history);
            Assert.Equal(issued.IssueNumber, line.IssueNumber);
            Assert.Equal("本人等", line.RequesterType);
            Assert.Equal("世帯主・続柄・本籍・筆頭者", line.Items);
        }
        await using var audit = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        var lines = await audit.AuditEntries.Where(e => e.Action == AuditActions.CertificateIssue && e.Outcome == AuditOutcome.Success).ToListAsync();
        Assert.Equal(family.AddresseeNumbers.OrderBy(n => n), lines.Select(l => l.SubjectId).OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThirdParty_AboutAPersonUnderSupportMeasure_IsRefused_Audited_AndLeavesNoHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var hanako = family.AddresseeNumbers[1];
        await host.AsTenant(tenant, (RestrictionService s) => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", AddresseeNumber = hanako, Movement = "エラー", Issuance = "アラート", Inquiry = "アラート",
            StartOn = new DateOnly(2026, 5, 1), Reason = "DV等支援措置申出書",
        }, RegistryTestHost.Clerk, default));

        var thirdParty = Self(hanako) with { RequesterType = "第三者", RequesterName = "債権 回収", RequesterAddress = "東京都港区1番", Purpose = "債権回収のため", AcknowledgeAlerts = true };
        var check = await Issue(host, tenant, s => s.CheckAsync(thirdParty, Clerk, default));
        Assert.False(check.Allowed);
        Assert.Equal(nameof(IssuanceStop.ThirdPartyUnderSupportMeasure), check.Stop);
        Assert.DoesNotContain("個人番号", check.OfferedItems);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(thirdParty, Clerk, default)));
        Assert.Equal(403, refused.Status);
        Assert.Contains("支援措置", refused.Message);

        await using (var audit = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System))
            Assert.True(await audit.AuditEntries.CountAsync(e => e.Action == AuditActions.CertificateIssue && e.Outcome == AuditOutcome.Denied && e.SubjectId == hanako) >= 2);
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        Assert.Equal(0, await db.CertificateIssues.CountAsync());
        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        Assert.Equal(0, await platform.IssuedDocuments.CountAsync());

        // 本人等 may have it, after the clerk acknowledges the alert.
        var unacknowledged = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(Self(hanako), Clerk, default)));
        Assert.Equal(428, unacknowledged.Status);
        var own = await Issue(host, tenant, s => s.IssueAsync(Self(hanako) with { RequesterName = "山田 花子", AcknowledgeAlerts = true }, Clerk, default));
        Assert.Equal(1, own.Pages);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisteredOffender_IsRefused_AndOfficialRequestsNeedAnOfficersException(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var hanako = family.AddresseeNumbers[1];
        var measure = await host.AsTenant(tenant, (RestrictionService s) => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", AddresseeNumber = hanako, Movement = "エラー", Issuance = "なし", Inquiry = "アラート",
            StartOn = new DateOnly(2026, 5, 1), Reason = "DV等支援措置申出書",
        }, RegistryTestHost.Clerk, default));
        await host.AsTenant(tenant, (OffenderService s) => s.AddAsync(measure.Id, new OffenderRequest("加害　一郎", "カガイ イチロウ", new DateOnly(1975, 3, 3), null), RegistryTestHost.Clerk, default));

        // Same name written with an ordinary space: still the offender, even claiming to be of the household.
        var byOffender = Self(hanako) with { RequesterName = "加害 一郎", RequesterBirthDate = new DateOnly(1975, 3, 3), RequesterRelation = "同一世帯員" };
        var refused = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(byOffender, Clerk, default)));
        Assert.Equal("registry.certificate.offender", refused.Code);
        // A namesake with another birth date is not the offender.
        await Issue(host, tenant, s => s.IssueAsync(byOffender with { RequesterBirthDate = new DateOnly(1990, 1, 1) }, Clerk, default));

        var official = Self(hanako) with { RequesterType = "公用", RequesterName = "税務課 佐藤", Agency = "千代田区税務課", Purpose = "地方税法20条の11による調査" };
        var noException = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(official with { ExceptionReason = "必要" }, Clerk, default)));
        Assert.Equal(428, noException.Status); // a counter clerk cannot record the exception
        var issued = await Issue(host, tenant, s => s.IssueAsync(official with { ExceptionReason = "課税のため不可欠(課長決裁済み)" }, Officer, default));
        Assert.Equal(0, issued.Fee); // 公用: free
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        var row = await db.CertificateIssues.SingleAsync(i => i.Id == issued.IssueId);
        Assert.Equal("課税のため不可欠(課長決裁済み)", row.ExceptionReason);
        Assert.Equal("test-officer", row.ExceptionBy);
        Assert.Equal(RequesterType.Official, row.RequesterType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Items_AreCheckedAgainstTheRequester(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var taro = family.AddresseeNumbers[0];
        var third = Self(taro) with { RequesterType = "第三者", RequesterName = "弁護士 甲", RequesterAddress = "東京都港区1番", Purpose = "訴訟の提起のため" };

        var number = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(third with { Items = ["個人番号"] }, Clerk, default)));
        Assert.Equal("items", number.Field);
        Assert.Contains("住基法12条5項", number.Message);
        var needsReason = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(third with { Items = ["本籍・筆頭者"] }, Clerk, default)));
        Assert.Equal("itemsReason", needsReason.Field);
        var withReason = await Issue(host, tenant, s => s.IssueAsync(third with { Items = ["本籍・筆頭者"], ItemsReason = "相続人の確定のため" }, Clerk, default));
        Assert.Equal(300, withReason.Fee);

        var invalid = await Assert.ThrowsAsync<DomainValidationException>(() => Issue(host, tenant, s => s.IssueAsync(third with { Purpose = null, RequesterAddress = null }, Clerk, default)));
        Assert.Contains("purpose", invalid.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        var removedOnly = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.IssueAsync(Self(taro) with { Kind = "住民票の除票の写し" }, Clerk, default)));
        Assert.Equal(409, removedOnly.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reissue_PrintsTheStateFirstIssued_WithItsOwnNumber_AndDisposalIsRecorded(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var taro = family.AddresseeNumbers[0];
        var first = await Issue(host, tenant, s => s.IssueAsync(Self(taro), Clerk, default));
        await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest
        { Header = On(new DateOnly(2026, 11, 20)), HouseholdNumber = family.HouseholdNumbers[0], Address = Address("9番9号") });

        var missingReason = await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.ReissueAsync(first.IssueId, new ReissueRequest(null, null, null), Clerk, default)));
        Assert.Equal("reason", missingReason.Field);
        var again = await Issue(host, tenant, s => s.ReissueAsync(first.IssueId, new ReissueRequest("紛失", null, null), Clerk, default));
        Assert.True(again.Reissue);
        Assert.Equal("20261126 千代田区 002", again.IssueNumber);
        Assert.NotEqual(first.VerificationCode, again.VerificationCode);

        await using (var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id)))
        {
            var rows = await db.CertificateIssues.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
            Assert.Equal(first.IssueId, rows[1].ReissueOfId);
            Assert.Equal(rows[0].Snapshot, rows[1].Snapshot); // the record as first issued, not the address after the 転居
            Assert.Contains("1番1号", rows[1].Snapshot);
            Assert.DoesNotContain("9番9号", rows[1].Snapshot);
        }

        var disposed = await Issue(host, tenant, s => s.DisposeAsync(first.IssueId, new DisposeRequest("記載誤りのため窓口で回収"), RegistryTestHost.Clerk, default));
        Assert.Equal("記載誤りのため窓口で回収", disposed.DisposeReason);
        await Assert.ThrowsAsync<DomainException>(() => Issue(host, tenant, s => s.DisposeAsync(first.IssueId, new DisposeRequest("重複"), RegistryTestHost.Clerk, default)));
        var history = await host.AsTenant(tenant, (CertificateHistory h) => h.SearchAsync(new CertificateHistoryQuery { From = RegistryTestHost.Today, To = RegistryTestHost.Today }, RegistryTestHost.Clerk, default));
        Assert.Equal(2, history.Count);
        Assert.NotNull(history.Single(h => h.Id == first.IssueId).DisposedAt);
        var disposedOnly = await host.AsTenant(tenant, (CertificateHistory h) => h.SearchAsync(new CertificateHistoryQuery { DisposedOnly = true }, RegistryTestHost.Clerk, default));
        Assert.Equal(first.IssueId, Assert.Single(disposedOnly).Id);
        var byNumber = await host.AsTenant(tenant, (CertificateHistory h) => h.SearchAsync(new CertificateHistoryQuery { IssueNumber = again.IssueNumber }, RegistryTestHost.Clerk, default));
        Assert.Equal(first.IssueId, Assert.Single(byNumber).ReissueOfId);
        await Assert.ThrowsAsync<DomainException>(() => host.AsTenant(tenant, (CertificateHistory h) => h.SearchAsync(new CertificateHistoryQuery(), RegistryTestHost.Clerk, default)));
    }

    private static readonly string Number = "12345678901" + Jichitai.Registry.Domain.Numbering.PersonalNumber.CheckDigit("12345678901");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonalNumber_IsKeptEncryptedInTheHistory_AndOnlyWhenItWasPrinted(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = FamilyMoveIn(new DateOnly(2026, 4, 1));
        moveIn = moveIn with { Members = [moveIn.Members[0] with { PersonalNumber = Number }] };
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, moveIn);
        var taro = family.AddresseeNumbers[0];
        var without = await Issue(host, tenant, s => s.IssueAsync(Self(taro), Clerk, default));
        var with = await Issue(host, tenant, s => s.IssueAsync(Self(taro) with { Items = ["個人番号"] }, Clerk, default));

        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        var rows = await db.CertificateIssues.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.DoesNotContain(Number, rows[0].Snapshot + rows[1].Snapshot);
        Assert.DoesNotContain("enc1:", rows[0].Snapshot);
        Assert.Contains("enc1:", rows[1].Snapshot);
        Assert.Equal(CertificateItems.PersonalNumber, rows[1].Items);
    }
}

public class CertificateIdempotencyTests
{
    private static readonly IssueContext Clerk = new(RegistryTestHost.Clerk, false, "https://jichitai.example");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RetryWithTheSameKey_ReturnsTheSameCertificate_AndAnotherRequestWithItIsRefused(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var request = new CertificateRequest
        {
            Kind = "住民票の写し", AddresseeNumbers = [family.AddresseeNumbers[0], null!], Items = ["世帯主・続柄", null!], RequesterType = "本人等",
            RequesterName = "山田 太郎", IdentityDocument = "マイナンバーカード", CertifiedItems = [null!],
        };
        var first = await host.AsTenant(tenant, (CertificateService s) => s.IssueAsync(request, Clerk, default, "retry-1"));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await host.AsTenant(tenant, (CertificateService s) => s.IssueAsync(request, Clerk, default, "retry-1"));

        Assert.True(again.Replayed);
        Assert.Equal(first.IssueId, again.IssueId);
        Assert.Equal(first.IssueNumber, again.IssueNumber);
        Assert.Equal(first.Pdf, again.Pdf); // drawn again from the record, byte for byte
        await using (var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id)))
            Assert.Equal(1, await db.CertificateIssues.CountAsync());

        var other = await Assert.ThrowsAsync<DomainException>(() => host.AsTenant(tenant, (CertificateService s) =>
            s.IssueAsync(request with { Items = ["本籍・筆頭者"] }, Clerk, default, "retry-1")));
        Assert.Equal(409, other.Status);
        var fresh = await host.AsTenant(tenant, (CertificateService s) => s.IssueAsync(request, Clerk, default, "retry-2"));
        Assert.NotEqual(first.IssueNumber, fresh.IssueNumber);
    }
}
