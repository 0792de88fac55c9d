package org.zhufang.accounts.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;

/** The RSA key pair that signs standalone tokens: from configuration, or generated for development. */
record JwtKeys(RSAPublicKey publicKey, RSAPrivateKey privateKey) {

	static JwtKeys from(SecurityProperties.Jwt config) {
		if (config.privateKey() != null && config.publicKey() != null) {
			return new JwtKeys(RsaKeyConverters.x509().convert(open(config.publicKey())),
					RsaKeyConverters.pkcs8().convert(open(config.privateKey())));
		}
		if (config.generateKey()) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				return new JwtKeys((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Standalone mode needs a signing key: set zhufang.security.jwt.private-key and "
				+ "public-key (PEM text or a resource location), or zhufang.security.jwt.generate-key=true for development");
	}

	private static InputStream open(String pemOrLocation) {
		if (pemOrLocation.strip().startsWith("-----BEGIN")) {
			return new ByteArrayInputStream(pemOrLocation.strip().getBytes(StandardCharsets.US_ASCII));
		}
		try {
			return new DefaultResourceLoader().getResource(pemOrLocation).getInputStream();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the key at " + pemOrLocation, ex);
		}
	}
}
