using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SplitBrain.Visuals;

/// <summary>How the figure model becomes Plotly JSON: property names lowercased (<c>ShowLegend</c> → <c>showlegend</c>), nulls left out.</summary>
internal static class PlotJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new Lowercase(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,

        // Keep + and ' readable; the figure goes into a script, where PlotFigure.ToHtml escapes "</".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed class Lowercase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
