package dev.limber.programs.illustration;

import java.util.List;

import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogValues;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Keyframe;

/**
 * One HTML page with every exercise's keyframes side by side, each labelled with the step
 * it shows, so a person can review all illustrations at a glance
 * (docs/illustrations.html).
 */
public final class ContactSheet {

	private ContactSheet() {
	}

	public static String html(Catalog catalog) {
		StringBuilder html = new StringBuilder(1 << 20);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>Limber exercise illustrations</title>\n<style>\n")
			.append("body{font-family:system-ui,sans-serif;margin:1rem;color:#1b1f24}")
			.append("section{border-top:1px solid #c9ced6;padding:.5rem 0}")
			.append(".frames{display:flex;flex-wrap:wrap;gap:.75rem}")
			.append("figure{margin:0;width:14rem}figure svg{width:100%;height:auto;background:#fff;border:1px solid #e1e4e8}")
			.append("figcaption{font-size:.8rem}h2{font-size:1rem;margin:.25rem 0}p{margin:.25rem 0;font-size:.85rem}\n")
			.append("</style>\n</head>\n<body>\n<h1>Limber exercise illustrations</h1>\n")
			.append("<p>Generated from the catalog (modules/programs/src/main/resources/catalog/exercises.yaml) by ")
			.append("IllustrationContactSheetTests; do not edit by hand.</p>\n");
		for (Exercise exercise : catalog.exercises()) {
			List<Keyframe> keyframes = exercise.illustration().keyframes();
			html.append("<section id=\"")
				.append(exercise.slug())
				.append("\">\n<h2>")
				.append(Svg.escape(exercise.name()))
				.append("</h2>\n<p>")
				.append(exercise.slug())
				.append(" · ")
				.append(CatalogValues.yamlName(exercise.position()))
				.append(" · view: ")
				.append(CatalogValues.yamlName(exercise.illustration().view()))
				.append("</p>\n<div class=\"frames\">\n");
			for (int i = 0; i < keyframes.size(); i++) {
				Keyframe keyframe = keyframes.get(i);
				String step = exercise.steps().get(keyframe.step() - 1);
				html.append("<figure>")
					.append(IllustrationSvg.still(exercise, i, step))
					.append("<figcaption>")
					.append(i + 1)
					.append(". Step ")
					.append(keyframe.step())
					.append(": ")
					.append(Svg.escape(step))
					.append("</figcaption></figure>\n");
			}
			html.append("</div>\n</section>\n");
		}
		return html.append("</body>\n</html>\n").toString();
	}

}
