using System.Text;

namespace Course.Grading;

/// <summary>
/// A text writer that keeps only the first characters written to it and counts the rest, so a test that
/// prints a million lines costs a counter, not memory. Past the line or character limit it throws
/// <see cref="OutputLimitException"/>, which stops a flood at once instead of letting it run into the timeout.
/// </summary>
internal sealed class CappedWriter(int keep, long maxLines = long.MaxValue, long maxCharacters = long.MaxValue) : TextWriter
{
    private readonly StringBuilder kept = new();

    public override Encoding Encoding => Encoding.UTF8;

    public long Characters { get; private set; }

    public long Lines { get; private set; }

    public string Kept => kept.ToString();

    public bool Exceeded => Lines > maxLines || Characters > maxCharacters;

    public override void Write(char value)
    {
        Characters++;
        if (value == '\n')
        {
            Lines++;
        }

        if (kept.Length < keep)
        {
            kept.Append(value);
        }

        StopIfExceeded();
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        Characters += value.Length;
        Lines += value.AsSpan().Count('\n');
        if (kept.Length < keep)
        {
            kept.Append(value.AsSpan(0, Math.Min(value.Length, keep - kept.Length)));
        }

        StopIfExceeded();
    }

    private void StopIfExceeded()
    {
        if (Exceeded)
        {
            throw new OutputLimitException();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }
}
