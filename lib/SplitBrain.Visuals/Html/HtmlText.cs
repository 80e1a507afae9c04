using System.Globalization;
using System.Net;

namespace SplitBrain.Visuals;

/// <summary>Small helpers shared by the tables: escaping, times and the table style.</summary>
internal static class HtmlText
{
    /// <summary>The styles of every table the course draws; neutral enough for light and dark themes.</summary>
    internal const string Style =
        "<style>table.sb{border-collapse:collapse;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;margin:4px 0}" +
        "table.sb th,table.sb td{border:1px solid #8884;padding:2px 8px;text-align:left;vertical-align:top}" +
        "table.sb th{background:#8882}table.sb td:first-child{white-space:nowrap}tr.sb-bad td{background:#d6272833}tr.sb-good td{background:#54a24b26}" +
        "tr.sb-warn td{background:#f5851826}tr.sb-info td{background:#4c78a81f}.sb-note{font-size:12px;opacity:.8;margin:2px 0}" +
        ".sb-verdict-ok{color:#2e7d32;font-weight:bold}.sb-verdict-bad{color:#c62828;font-weight:bold}</style>";

    /// <summary>Escapes text for HTML.</summary>
    internal static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    /// <summary>A virtual time in seconds with three decimals, the way the lessons write it: <c>12.400 s</c>.</summary>
    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    /// <summary>A whole number with thousands separators.</summary>
    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
