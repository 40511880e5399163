package dev.limber.programs.catalog;

/** The catalog files are missing or do not match the catalog model. */
public class CatalogException extends RuntimeException {

	public CatalogException(String message) {
		super(message);
	}

	public CatalogException(String message, Throwable cause) {
		super(message, cause);
	}

}
