namespace Jichitai.Web.Startup;

public static class UiWiring
{
    public static void AddStaffUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddRazorPages();
        // Japanese is written as characters, not numeric entities (smaller pages, searchable source).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    public static void MapStaffUi(this WebApplication app) => app.MapRazorPages();
}
