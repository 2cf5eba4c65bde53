from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class FremdriftOIDCBackend(OIDCAuthenticationBackend):
    """Log in through the municipality's identity provider. Accounts are matched on e-mail;
    roles are still granted by an organisation administrator inside Fremdrift."""

    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email)

    def create_user(self, claims):
        email = claims["email"].lower()
        return self.UserModel.objects.create_user(
            username=email,
            email=email,
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )

    def update_user(self, user, claims):
        user.first_name = claims.get("given_name", user.first_name)
        user.last_name = claims.get("family_name", user.last_name)
        user.save(update_fields=["first_name", "last_name"])
        return user
