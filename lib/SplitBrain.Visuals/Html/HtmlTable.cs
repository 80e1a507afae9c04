using System.Reflection;
using System.Text;

namespace SplitBrain.Visuals;

/// <summary>Any list of records or anonymous objects as a plain table: one row per item, one column per public property.</summary>
public static class HtmlTable
{
    /// <summary>Renders <paramref name="rows"/>.</summary>
    /// <typeparam name="T">The row type; its public properties, in declaration order, are the columns.</typeparam>
    /// <param name="rows">The rows.</param>
    public static HtmlFragment Of<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        var html = new StringBuilder(HtmlText.Style).Append("<table class=\"sb\"><thead><tr>");
        foreach (var column in columns)
        {
            html.Append($"<th>{HtmlText.E(column.Name)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                html.Append($"<td>{HtmlText.E(column.GetValue(row))}</td>");
            }

            html.Append("</tr>");
        }

        return new HtmlFragment(html.Append("</tbody></table>").ToString());
    }
}
