/* vigia-general-page.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts are saved as they are typed (through VigiaEditBinding); choices
 * (election type, term, elected) are saved the moment they are made.  Every
 * widget also follows the plan, so that undo shows here.
 */
#define G_LOG_DOMAIN "vigia-general-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigia-plan-editor.h"
#include "vigia-edit-binding.h"
#include "vigia-general-page.h"
#include "vigia-period.h"
#include "vigia-place-picker.h"
#include "vigia-text-field.h"

struct _VigiaGeneralPage
{
  GtkWidget       parent_instance;

  AdwPreferencesPage *page;
  AdwEntryRow    *organization_row;
  AdwComboRow    *election_row;
  AdwEntryRow    *process_row;
  AdwPreferencesGroup *place_group;
  AdwEntryRow    *department_row;
  AdwEntryRow    *province_row;
  AdwEntryRow    *district_row;
  AdwActionRow   *ubigeo_row;
  AdwActionRow   *choose_place_row;
  AdwActionRow   *term_row;
  GtkSpinButton  *term_start_spin;
  GtkSpinButton  *term_end_spin;
  AdwEntryRow    *authority_name_row;
  GtkSwitch      *elected_switch;
  VigiaTextField *ideario_field;
  VigiaTextField *vision_field;
  VigiaTextField *accountability_field;
  AdwActionRow   *source_format_row;
  AdwEntryRow    *source_reference_row;
  AdwActionRow   *source_imported_row;

  VigiaUndoStack *undo_stack;
  VigiaPlan      *plan;
  /* The handler on the plan, whichever it is. */
  GSignalGroup   *plan_signals;
  /* Set while the widgets are being made to show the plan. */
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (VigiaGeneralPage, vigia_general_page, GTK_TYPE_WIDGET)

/* The JNE's names of the formats a plan comes in. */
static const char *
format_label (const char *format)
{
  if (format == NULL || g_str_equal (format, "manual"))
    return _("Entered in Vigía");
  if (g_str_equal (format, "declara-text"))
    return _("Summary exported from DECLARA (text)");
  if (g_str_equal (format, "jne-json"))
    return _("Voto Informado data from the JNE (JSON)");
  if (g_str_equal (format, "vigia-json"))
    return _("Vigía exchange file (JSON)");
  return format;
}

static char *
format_time (const char *iso8601)
{
  char *label = vigia_stamp_dup_time_label (iso8601, TRUE);

  return label != NULL ? label : g_strdup (_("Not known"));
}

static void
show_error (VigiaGeneralPage *self,
            const GError     *error)
{
  vigia_plan_editor_report_error (GTK_WIDGET (self), error);
}

static void
sync_from_plan (VigiaGeneralPage *self)
{
  VigiaPlan *plan = self->plan;
  const char *ubigeo = vigia_plan_get_ubigeo (plan);
  const char *reference = vigia_plan_get_source_reference (plan);
  g_autofree char *codes = NULL;
  g_autofree char *imported = format_time (vigia_plan_get_source_imported (plan) != NULL ?
                                           vigia_plan_get_source_imported (plan) :
                                           vigia_plan_get_created (plan));

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->election_row, vigia_plan_get_election (plan));
  gtk_spin_button_set_value (self->term_start_spin, vigia_plan_get_term_start (plan));
  gtk_spin_button_set_value (self->term_end_spin, vigia_plan_get_term_end (plan));
  gtk_switch_set_active (self->elected_switch, vigia_plan_get_authority_elected (plan));
  self->syncing = FALSE;

  /* A general election's plan is national: it has no place to give (the
   * title says Nacional). */
  gtk_widget_set_visible (GTK_WIDGET (self->place_group),
                          vigia_plan_get_election (plan) != VIGIA_ELECTION_GENERAL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->term_row), "error");
  adw_action_row_set_subtitle (self->term_row,
                               vigia_plan_has_term (plan) ? "" :
                               _("Not set yet: progress is followed semester by semester over these years"));
  if (!vigia_str_empty (ubigeo) && vigia_ubigeo_find (ubigeo) != NULL)
    codes = vigia_ubigeo_place_dup_codes (vigia_ubigeo_find (ubigeo));
  adw_action_row_set_subtitle (self->ubigeo_row,
                               codes != NULL ? codes :
                               !vigia_str_empty (ubigeo) ? ubigeo : _("Not matched to the INEI list"));
  adw_action_row_set_subtitle (self->source_format_row,
                               format_label (vigia_plan_get_source_format (plan)));
  adw_action_row_set_subtitle (self->source_imported_row, imported);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_reference_row), reference);
}

static void
plan_notify_cb (VigiaGeneralPage *self,
                GParamSpec       *pspec)
{
  sync_from_plan (self);
}

static void
set_value (VigiaGeneralPage *self,
           guint             n,
           const char      **names,
           const GValue     *values)
{
  g_autoptr(GError) error = NULL;

  if (!vigia_undo_stack_set (self->undo_stack, G_OBJECT (self->plan), n, names, values, &error))
    {
      show_error (self, error);
      sync_from_plan (self);
    }
}

static void
election_selected_cb (VigiaGeneralPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *name = "election";

  if (self->syncing || self->plan == NULL)
    return;

  g_value_init (&value, VIGIA_TYPE_ELECTION);
  g_value_set_enum (&value, adw_combo_row_get_selected (self->election_row));
  set_value (self, 1, &name, &value);
}

static void
elected_cb (VigiaGeneralPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *name = "authority-elected";

  if (self->syncing || self->plan == NULL)
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (self->elected_switch));
  set_value (self, 1, &name, &value);
}

/* A new first year brings a last year that fits it: four years for local
 * and regional governments, five for the national one (docs/domain.md, "Terms"). */
static void
term_changed_cb (VigiaGeneralPage *self,
                 GtkSpinButton    *spin)
{
  const char *names[] = { "term-start", "term-end" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  int start = gtk_spin_button_get_value_as_int (self->term_start_spin);
  int end = gtk_spin_button_get_value_as_int (self->term_end_spin);

  if (self->syncing || self->plan == NULL)
    return;

  /* + on an empty year gives 1, and − on the first year one before it:
   * the first means "a year", this one or the term's end; the second stops
   * at the first year there can be. */
  if ((start > 0 && start < VIGIA_TERM_FIRST_YEAR) || (end > 0 && end < VIGIA_TERM_FIRST_YEAR))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int length = vigia_plan_get_election (self->plan) == VIGIA_ELECTION_GENERAL ? 5 : 3;

      if (start > 0 && start < VIGIA_TERM_FIRST_YEAR)
        start = vigia_plan_get_term_start (self->plan) == 0 ? g_date_time_get_year (now) : VIGIA_TERM_FIRST_YEAR;
      if (end > 0 && end < VIGIA_TERM_FIRST_YEAR)
        end = vigia_plan_get_term_end (self->plan) != 0 ? VIGIA_TERM_FIRST_YEAR :
              (start > 0 ? start : g_date_time_get_year (now)) + length;
      self->syncing = TRUE;
      gtk_spin_button_set_value (self->term_start_spin, start);
      gtk_spin_button_set_value (self->term_end_spin, end);
      self->syncing = FALSE;
    }

  if (spin == self->term_start_spin && start > 0 && (end < start || end == 0))
    {
      end = start + (vigia_plan_get_election (self->plan) == VIGIA_ELECTION_GENERAL ? 5 : 3);
      self->syncing = TRUE;
      gtk_spin_button_set_value (self->term_end_spin, end);
      self->syncing = FALSE;
    }

  if (start > 0 && end > 0 && end < start)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->term_row), "error");
      adw_action_row_set_subtitle (self->term_row, _("The term cannot end before it begins"));
      return;
    }

  g_value_init (&values[0], G_TYPE_INT);
  g_value_set_int (&values[0], start);
  g_value_init (&values[1], G_TYPE_INT);
  g_value_set_int (&values[1], end);
  set_value (self, 2, names, values);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
}

static void
place_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   VigiaGeneralPage *self)
{
  VigiaPlacePicker *picker = VIGIA_PLACE_PICKER (adw_message_dialog_get_extra_child (dialog));
  const char *names[] = { "department", "province", "district", "ubigeo" };
  GValue values[G_N_ELEMENTS (names)] = { G_VALUE_INIT, };
  g_autofree char *text = vigia_place_picker_dup_place_text (picker);
  VigiaPlaceName name;

  if (self->plan == NULL || text == NULL || !vigia_place_name_parse (text, &name) || name.place == NULL)
    return;

  /* The names in capitals, as the JNE writes them, and the code, in one step. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_set_string (&values[0], name.department);
  g_value_set_string (&values[1], name.province);
  g_value_set_string (&values[2], name.district);
  g_value_set_string (&values[3], name.place->code);
  set_value (self, G_N_ELEMENTS (names), names, values);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_unset (&values[i]);
  vigia_place_name_clear (&name);
}

static void
choose_place_cb (VigiaGeneralPage *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *picker = vigia_place_picker_new ();
  const char *ubigeo;

  if (self->plan == NULL)
    return;

  ubigeo = vigia_plan_get_ubigeo (self->plan);
  if (vigia_str_empty (ubigeo))
    {
      const VigiaUbigeoPlace *place = vigia_ubigeo_match (vigia_plan_get_department (self->plan),
                                                          vigia_plan_get_province (self->plan),
                                                          vigia_plan_get_district (self->plan));

      ubigeo = place != NULL ? place->code : NULL;
    }
  vigia_place_picker_set_code (VIGIA_PLACE_PICKER (picker), ubigeo);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Place of the Plan"),
                                                       _("Choose the department; for a provincial or district plan, "
                                                         "the province and the district too. The places are the INEI’s.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose", _("C_hoose"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, picker);
  g_signal_connect_object (dialog, "response::choose", G_CALLBACK (place_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A year of 0 is a term not set: the field is blank. */
static gboolean
year_output_cb (GtkSpinButton *spin)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

/* A year is typed with its four digits, within the years a term can have;
 * anything else puts back the year there was. */
static int
year_input_cb (GtkSpinButton *spin,
               double        *new_value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  guint64 year = 0;

  if (*text == '\0')
    {
      *new_value = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, VIGIA_TERM_FIRST_YEAR, VIGIA_TERM_LAST_YEAR, &year, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (spin));
      return GTK_INPUT_ERROR;
    }
  *new_value = year;
  return TRUE;
}

/* The first field: where a new plan starts to be filled in. */
static gboolean
vigia_general_page_grab_focus (GtkWidget *widget)
{
  VigiaGeneralPage *self = VIGIA_GENERAL_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->organization_row));
}

static void
vigia_general_page_dispose (GObject *object)
{
  VigiaGeneralPage *self = (VigiaGeneralPage *)object;
  GtkWidget *child;

  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);
  g_clear_object (&self->undo_stack);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_GENERAL_PAGE);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vigia_general_page_parent_class)->dispose (object);
}

static void
vigia_general_page_class_init (VigiaGeneralPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_general_page_dispose;

  widget_class->grab_focus = vigia_general_page_grab_focus;

  g_type_ensure (VIGIA_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-general-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, page);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, election_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, process_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, place_group);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, province_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, district_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, ubigeo_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, choose_place_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, term_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, term_start_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, term_end_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, authority_name_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, elected_switch);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, ideario_field);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, vision_field);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, accountability_field);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, source_format_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, source_reference_row);
  gtk_widget_class_bind_template_child (widget_class, VigiaGeneralPage, source_imported_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_place_cb);
}

static void
vigia_general_page_init (VigiaGeneralPage *self)
{
  g_autoptr(GtkStringList) elections = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (VIGIA_TYPE_PLAN);
  g_signal_group_connect_object (self->plan_signals, "notify", G_CALLBACK (plan_notify_cb), self,
                                 G_CONNECT_SWAPPED);

  /* In the order of the enum, so that the position is the value. */
  for (VigiaElection e = VIGIA_ELECTION_MUNICIPAL_DISTRICT; e <= VIGIA_ELECTION_GENERAL; e++)
    gtk_string_list_append (elections, vigia_election_get_label (e));
  adw_combo_row_set_model (self->election_row, G_LIST_MODEL (elections));

  g_signal_connect_object (self->election_row, "notify::selected",
                           G_CALLBACK (election_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->elected_switch, "notify::active",
                           G_CALLBACK (elected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->term_start_spin, "value-changed",
                           G_CALLBACK (term_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->term_end_spin, "value-changed",
                           G_CALLBACK (term_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->term_start_spin, "output", G_CALLBACK (year_output_cb), NULL);
  g_signal_connect (self->term_end_spin, "output", G_CALLBACK (year_output_cb), NULL);
  g_signal_connect (self->term_start_spin, "input", G_CALLBACK (year_input_cb), NULL);
  g_signal_connect (self->term_end_spin, "input", G_CALLBACK (year_input_cb), NULL);
}

/**
 * vigia_general_page_set_undo_stack:
 * @undo_stack: (nullable): the open plan's stack, or %NULL to let go of the plan
 *
 * Shows the plan of @undo_stack, and saves its edits through it.
 */
void
vigia_general_page_set_undo_stack (VigiaGeneralPage *self,
                                   VigiaUndoStack   *undo_stack)
{
  static const struct {
    gsize       offset;
    const char *property;
  } entries[] = {
    { G_STRUCT_OFFSET (VigiaGeneralPage, organization_row), "organization" },
    { G_STRUCT_OFFSET (VigiaGeneralPage, process_row), "process" },
    { G_STRUCT_OFFSET (VigiaGeneralPage, department_row), "department" },
    { G_STRUCT_OFFSET (VigiaGeneralPage, province_row), "province" },
    { G_STRUCT_OFFSET (VigiaGeneralPage, district_row), "district" },
    { G_STRUCT_OFFSET (VigiaGeneralPage, authority_name_row), "authority-name" },
    { G_STRUCT_OFFSET (VigiaGeneralPage, source_reference_row), "source-reference" },
  };
  GObject *plan;
  gboolean writable;

  g_return_if_fail (VIGIA_IS_GENERAL_PAGE (self));
  g_return_if_fail (undo_stack == NULL || VIGIA_IS_UNDO_STACK (undo_stack));

  g_set_object (&self->undo_stack, undo_stack);
  if (undo_stack != NULL)
    g_set_object (&self->plan, vigia_undo_stack_get_plan (undo_stack));
  else
    g_clear_object (&self->plan);
  g_signal_group_set_target (self->plan_signals, self->plan);

  if (undo_stack == NULL)
    {
      /* Let go of the plan and its library: the bindings hold them. */
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        vigia_edit_binding_unbind (G_STRUCT_MEMBER (GtkWidget *, self, entries[i].offset));
      vigia_edit_binding_unbind (GTK_WIDGET (vigia_text_field_get_text_view (self->ideario_field)));
      vigia_edit_binding_unbind (GTK_WIDGET (vigia_text_field_get_text_view (self->vision_field)));
      vigia_edit_binding_unbind (GTK_WIDGET (vigia_text_field_get_text_view (self->accountability_field)));
      return;
    }
  plan = G_OBJECT (self->plan);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEditable *editable = G_STRUCT_MEMBER (GtkEditable *, self, entries[i].offset);

      vigia_edit_binding_bind_editable (editable, undo_stack, plan, entries[i].property);
    }
  vigia_text_field_bind (self->ideario_field, undo_stack, plan, "ideario");
  vigia_text_field_bind (self->vision_field, undo_stack, plan, "vision");
  vigia_text_field_bind (self->accountability_field, undo_stack, plan, "accountability");

  /* The entries cannot be edited; the other controls are greyed. */
  writable = !vigia_undo_stack_is_read_only (undo_stack);
  gtk_widget_set_sensitive (GTK_WIDGET (self->election_row), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_place_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->term_start_spin), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->term_end_spin), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->elected_switch), writable);

  sync_from_plan (self);
}
