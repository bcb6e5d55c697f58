using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RunRate.Web.Tests.Support;

internal static class Http
{
    public static Uri Url(string relative) => new(relative, UriKind.Relative);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static ByteArrayContent File(byte[] bytes, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            form.Add(File(bytes, name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv"), "files", name);
        }

        return form;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
