using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Plotly.NET;

namespace SplitBrain.Visuals;

/// <summary>
/// A chart as the plotly.js figure JSON (<c>{"data":…,"layout":…,"config":…}</c>): the same figure as
/// <see cref="GenericChart.toJson"/>, written by walking the chart's objects with <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>
/// Why not <c>toJson</c> itself: it serialises Plotly.NET's dynamic objects with Json.NET, which reads each
/// property through the dynamic binder (expression trees). In WebAssembly those trees are interpreted, and one
/// call took 2.6 s for a one-point chart in headless Chromium (the playground redraws three charts per scrub step).
/// This writer takes milliseconds there. A test checks that both give the same figure for the lessons' charts.
/// </remarks>
public static class FigureJson
{
    /// <summary>The figure of <paramref name="chart"/> as JSON text for <c>Plotly.react</c> or <c>Plotly.newPlot</c>.</summary>
    /// <param name="chart">The chart.</param>
    /// <exception cref="NotSupportedException">The chart holds a value of a type this writer does not know; the message names it.</exception>
    public static string Of(GenericChart chart) => Figure(chart, template: true);

    /// <summary>
    /// The figure of <paramref name="chart"/> as <see cref="Of"/> writes it, but without its layout's <c>template</c>
    /// (Plotly.NET's default template is most of a figure's JSON). Put <see cref="TemplateOf"/> back as
    /// <c>layout.template</c> and it is the figure of <see cref="Of"/>.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <exception cref="NotSupportedException">The chart holds a value of a type this writer does not know; the message names it.</exception>
    public static string WithoutTemplate(GenericChart chart) => Figure(chart, template: false);

    /// <summary>The <c>template</c> of the layout of <paramref name="chart"/> as JSON text, as <see cref="Of"/> writes it; null when the layout has none.</summary>
    /// <param name="chart">The chart.</param>
    /// <exception cref="NotSupportedException">The template holds a value of a type this writer does not know; the message names it.</exception>
    public static string? TemplateOf(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (GenericChart.getLayout(chart).TryGetPropertyValue(TemplateField) is not { } template)
        {
            return null;
        }

        return Text(json => Write(json, template.Value));
    }

    /// <summary>
    /// Whether the layouts of <paramref name="chart"/> and <paramref name="other"/> hold templates that
    /// <see cref="TemplateOf"/> writes the same, found by walking the two templates side by side instead of writing
    /// them: Plotly.NET gives every chart its own copy of its default template, and writing one takes milliseconds in
    /// WebAssembly. False when either layout has no template, or when the two differ anywhere.
    /// </summary>
    /// <param name="chart">A chart.</param>
    /// <param name="other">Another chart.</param>
    public static bool SameTemplate(GenericChart chart, GenericChart other)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(other);
        return GenericChart.getLayout(chart).TryGetPropertyValue(TemplateField) is { } mine
            && GenericChart.getLayout(other).TryGetPropertyValue(TemplateField) is { } theirs
            && Same(mine.Value, theirs.Value);
    }

    // Whether two values are written the same: the same object, equal text or numbers of one type, or Plotly.NET
    // objects of one type whose fields, in the same order, are the same. False for anything else, even when its JSON
    // would happen to match (two separate lists of the same numbers, say): the caller then writes both and compares.
    private static bool Same(object? mine, object? theirs)
    {
        if (ReferenceEquals(mine, theirs))
        {
            return true;
        }

        if (mine is null || theirs is null || mine.GetType() != theirs.GetType())
        {
            return false;
        }

        if (mine is string or bool or double or float or decimal or int or long or Enum)
        {
            return mine.Equals(theirs);
        }

        if (mine is Array items && theirs is Array others)
        {
            if (items.Length != others.Length)
            {
                return false;
            }

            for (int k = 0; k < items.Length; k++)
            {
                if (!Same(items.GetValue(k), others.GetValue(k)))
                {
                    return false;
                }
            }

            return true;
        }

        if (mine is not DynamicObj.DynamicObj one || theirs is not DynamicObj.DynamicObj two)
        {
            return false;
        }

        foreach (var property in InstanceProperties(one))
        {
            if (!Same(property.GetValue(one), property.GetValue(two)))
            {
                return false;
            }
        }

        using var fields = two.Properties.GetEnumerator();
        foreach (var property in one.Properties)
        {
            if (!fields.MoveNext() || fields.Current.Key != property.Key || !Same(property.Value, fields.Current.Value))
            {
                return false;
            }
        }

        return !fields.MoveNext();
    }

    // The name of a layout's template in plotly.js's figure.
    private const string TemplateField = "template";

    private static string Figure(GenericChart chart, bool template)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Text(json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("data");
            Write(json, GenericChart.getTraces(chart));
            json.WritePropertyName("layout");
            Write(json, GenericChart.getLayout(chart), skip: template ? null : TemplateField);
            json.WritePropertyName("config");
            Write(json, GenericChart.getConfig(chart));
            json.WriteEndObject();
        });
    }

    private static string Text(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The properties a Plotly.NET object declares in C# (a trace's "type"), in the order GetProperties(true) gives them
    // before its dynamic ones; found once per type. GetProperties(true) looks them up by reflection on every call, which
    // in WebAssembly cost most of a figure's JSON.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]> Declared = new();

    private static System.Reflection.PropertyInfo[] InstanceProperties(DynamicObj.DynamicObj dynamic) =>
        Declared.GetOrAdd(dynamic.GetType(), _ =>
        {
            var own = dynamic.GetProperties(false).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            return dynamic.GetProperties(true).Select(p => p.Key).Where(name => !own.Contains(name))
                .Select(name => dynamic.GetType().GetProperty(name) ?? throw new NotSupportedException($"FigureJson cannot read {dynamic.GetType().FullName}.{name}; GenericChart.toJson can."))
                .ToArray();
        });

    // Writes `value`; `skip` names a field of a Plotly.NET object left out (only of `value` itself, not of what it holds).
    private static void Write(Utf8JsonWriter json, object? value, string? skip = null)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case char letter:
                json.WriteStringValue(letter.ToString());
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case double number when !double.IsFinite(number):
                json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case float number when !float.IsFinite(number):
                json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case float number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case Enum choice:
                json.WriteNumberValue(Convert.ToInt64(choice, CultureInfo.InvariantCulture));
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                json.WriteNumberValue(number);
                break;
            case Color colour:
                Write(json, colour.Value);
                break;
            case ARGB argb:
                // As Plotly.NET writes it: rgba(42, 63, 95, 1.0).
                string alpha = (argb.A / 255.0).ToString("0.0#########", CultureInfo.InvariantCulture);
                json.WriteStringValue($"rgba({argb.R}, {argb.G}, {argb.B}, {alpha})");
                break;
            case DynamicObj.DynamicObj dynamic:
                json.WriteStartObject();
                foreach (var property in InstanceProperties(dynamic))
                {
                    if (property.Name == skip)
                    {
                        continue;
                    }

                    json.WritePropertyName(property.Name);
                    Write(json, property.GetValue(dynamic));
                }

                // Its dynamic fields, as GetProperties(false) gives them (which builds a helper object for each).
                foreach (var property in dynamic.Properties)
                {
                    if (property.Key != "properties" && property.Key != skip)
                    {
                        json.WritePropertyName(property.Key);
                        Write(json, property.Value);
                    }
                }

                json.WriteEndObject();
                break;
            case IDictionary dictionary:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    Write(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (object? item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"FigureJson cannot write a {value.GetType().FullName}; GenericChart.toJson can.");
        }
    }
}
