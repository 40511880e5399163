package dev.limber.programs.catalog;

/** What kind of work an exercise is; written in kebab-case in YAML (self-massage). */
public enum ExerciseCategory {

	MOBILITY, STRETCH, STRENGTH, CORE, POSTURE, BREATHING, RELAXATION, AEROBIC, SELF_MASSAGE

}
