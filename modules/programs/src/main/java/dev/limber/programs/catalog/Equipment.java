package dev.limber.programs.catalog;

/** What a participant needs at hand; written in kebab-case in YAML (strap-or-towel). */
public enum Equipment {

	NONE, CHAIR, WALL, STRAP_OR_TOWEL, FOAM_ROLLER_OR_BALL, BALLOON

}
