namespace Course.Exercises;

/// <summary>Reference answer to exercise 7: a token issuer that never repeats itself (see exercises/Exercise07_TokenIssuer.cs).</summary>
public sealed class TokenIssuer
{
    private readonly ITokenRegister register;

    /// <summary>Makes an issuer over <paramref name="register"/>, which holds the last token issued.</summary>
    /// <param name="register">The shared register.</param>
    public TokenIssuer(ITokenRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        this.register = register;
    }

    /// <summary>Issues the next token: higher than any issued before, never the same twice.</summary>
    public FencingToken Issue()
    {
        while (true)
        {
            long last = register.Read();
            if (register.CompareAndSwap(last, last + 1))
            {
                return new FencingToken(last + 1);
            }
        }
    }
}
