using System.Text.Encodings.Web;
using System.Text.Json;

namespace Course.Cli;

/// <summary>The JSON settings every <c>--json</c> output uses: camelCase, indented, plain ASCII where possible.</summary>
public static class CliJson
{
    /// <summary>The shared options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
