// Mistake: the swap is right, but the token returned is read again afterwards, when another request may already have moved the register
// Caught by: never the same one twice
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 7, as a learner might write it (see the Mistake line above).</summary>
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
                return new FencingToken(register.Read());
            }
        }
    }
}
