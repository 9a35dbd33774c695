using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features.ForeignResidents;

/// <summary>The 外国人住民 movements (住基法30条の45〜30条の51) under /api/v1/registry/movements, same shape as every 異動.</summary>
internal static class ForeignResidentEndpoints
{
    public static void Map(RouteGroupBuilder write)
    {
        RegistryEndpoints.Movement<ForeignArrivalRequest>(write, "/foreign-arrival", ForeignEntryHandlers.ArrivalAsync, "法第30条の46転入 / a foreign resident arriving from abroad");
        RegistryEndpoints.Movement<ForeignRegistrationRequest>(write, "/foreign-registration", ForeignEntryHandlers.RegistrationAsync, "法第30条の47届出 / a person living here becomes a foreign resident");
        RegistryEndpoints.Movement<NaturalisationRequest>(write, "/naturalisation", NationalityHandlers.NaturalisationAsync, "帰化 / naturalisation: foreign record removed, Japanese record written, same 宛名番号");
        RegistryEndpoints.Movement<NationalityAcquisitionRequest>(write, "/nationality-acquisition", NationalityHandlers.NationalityAcquisitionAsync, "国籍取得 / acquisition of Japanese nationality");
        RegistryEndpoints.Movement<NationalityLossRequest>(write, "/nationality-loss", NationalityHandlers.NationalityLossAsync, "国籍喪失 / loss of Japanese nationality");
        RegistryEndpoints.Movement<ImmigrationNoticeRequest>(write, "/immigration-notice", ImmigrationNoticeHandler.HandleAsync, "在留資格変更・在留期間更新・入管通知による修正 / notice from the Immigration Services Agency");
        RegistryEndpoints.Movement<ImmigrationRemovalRequest>(write, "/immigration-removal", ImmigrationRemovalHandler.HandleAsync, "入管通知による消除 / removal on an immigration notice");
        RegistryEndpoints.Movement<CommonNameRequest>(write, "/common-name", CommonNameHandler.HandleAsync, "通称の記載・削除 / record or remove a common name");
    }
}
