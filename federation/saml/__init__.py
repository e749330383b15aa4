"""SAML 2.0 sign-in (EduConnect, académies) through djangosaml2 and pysaml2."""
