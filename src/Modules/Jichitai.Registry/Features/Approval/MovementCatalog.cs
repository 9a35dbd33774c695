using Jichitai.Registry.Features.AddressEstablishment;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Features.Correction;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.MoveOutConfirmation;
using Jichitai.Registry.Features.PersonalNumberChange;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.ResidentCodeChange;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.Approval;

/// <summary>One kind of 異動: its route name, request type and handler. A 仮登録 stores the name and the request.</summary>
public sealed record MovementFeature(string Name, string Label, Type RequestType, Func<MovementSession, object, CancellationToken, Task<MovementDraft>> Run);

/// <summary>Every movement feature of the module, in one list: the API routes and 仮登録/本登録 both read it.</summary>
public static class MovementCatalog
{
    private static readonly Dictionary<Type, MovementFeature> ByType = [];
    private static readonly Dictionary<string, MovementFeature> ByName = [];

    static MovementCatalog()
    {
        Add<MoveInRequest>("move-in", "転入届", MoveInHandler.HandleAsync);
        Add<BirthRequest>("birth", "出生", BirthHandler.HandleAsync);
        Add<RelocationRequest>("relocation", "転居届", RelocationHandler.HandleAsync);
        Add<MoveOutRequest>("move-out", "転出届", MoveOutHandler.HandleAsync);
        Add<RemovalRequest>("removal", "職権消除(死亡・失踪)", RemovalHandler.HandleAsync);
        Add<HouseholdSplitRequest>("household-split", "世帯分離", HouseholdChangeHandlers.SplitAsync);
        Add<HouseholdMergeRequest>("household-merge", "世帯合併", HouseholdChangeHandlers.MergeAsync);
        Add<HeadChangeRequest>("head-change", "世帯主変更", HouseholdChangeHandlers.HeadChangeAsync);
        Add<CorrectionRequest>("correction", "職権修正・軽微な修正・誤記修正・戸籍通知", CorrectionHandler.HandleAsync);
        Add<CancellationRequest>("cancellation", "異動の取消し", CancellationHandler.HandleAsync);
        Add<MoveInNoticeRequest>("move-in-notice", "転入通知の受理(転出確定)", MoveInNoticeHandler.HandleAsync);
        Add<ForeignArrivalRequest>("foreign-arrival", "法第30条の46転入", ForeignEntryHandlers.ArrivalAsync);
        Add<ForeignRegistrationRequest>("foreign-registration", "法第30条の47届出", ForeignEntryHandlers.RegistrationAsync);
        Add<NaturalisationRequest>("naturalisation", "帰化", NationalityHandlers.NaturalisationAsync);
        Add<NationalityAcquisitionRequest>("nationality-acquisition", "国籍取得", NationalityHandlers.NationalityAcquisitionAsync);
        Add<NationalityLossRequest>("nationality-loss", "国籍喪失", NationalityHandlers.NationalityLossAsync);
        Add<ImmigrationNoticeRequest>("immigration-notice", "在留資格変更・在留期間更新・入管通知による修正", ImmigrationNoticeHandler.HandleAsync);
        Add<ImmigrationRemovalRequest>("immigration-removal", "入管通知による消除", ImmigrationRemovalHandler.HandleAsync);
        Add<CommonNameRequest>("common-name", "通称の記載・削除", CommonNameHandler.HandleAsync);
        Add<AddressEstablishmentRequest>("address-establishment", "住所設定", AddressEstablishmentHandler.HandleAsync);
        Add<PersonalNumberChangeRequest>("personal-number", "個人番号の指定・変更・修正", PersonalNumberChangeHandler.HandleAsync);
        Add<ResidentCodeChangeRequest>("resident-code", "住民票コードの記載・変更請求・修正", ResidentCodeChangeHandler.HandleAsync);
        Add<Renewal.RenewalRequest>("renewal", "改製", Renewal.RenewalHandler.HandleAsync);
    }

    public static IReadOnlyCollection<MovementFeature> All => ByName.Values;

    public static void Add<T>(string name, string label, Func<MovementSession, T, CancellationToken, Task<MovementDraft>> handler) where T : class
    {
        var feature = new MovementFeature(name, label, typeof(T), (s, r, c) => handler(s, (T)r, c));
        ByType[typeof(T)] = feature;
        ByName[name] = feature;
    }

    public static MovementFeature For(Type requestType) =>
        ByType.TryGetValue(requestType, out var f) ? f : throw new InvalidOperationException($"{requestType.Name} is not a registered movement.");

    public static MovementFeature? Find(string name) => ByName.GetValueOrDefault(name);
}
