package dev.limber.programs.catalog;

/**
 * The body position an exercise starts from; written in kebab-case in YAML (all-fours).
 */
public enum Position {

	STANDING, SEATED, SUPINE, PRONE, KNEELING, ALL_FOURS

}
